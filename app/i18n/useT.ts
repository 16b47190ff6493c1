import { useCallback } from 'react';
import { useWorkbench } from '../store';
import { translate, type MessageKey } from './index';

export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const language = useWorkbench((state) => state.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}
