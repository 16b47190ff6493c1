import { en, zh, type MessageKey, type Messages } from './catalog';

export type Language = 'en' | 'zh';
export type { MessageKey };

const catalogues: Record<Language, Messages> = { en, zh };
const LANGUAGE_KEY = 'spanwright.language';

/** `?lang=en|zh` wins, then the remembered choice, then the browser locale. */
export function initialLanguage(): Language {
  const forced = new URLSearchParams(location.search).get('lang');
  if (forced === 'en' || forced === 'zh') return forced;
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // Storage may be unavailable; fall through to the locale.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // The choice then lasts for this visit only.
  }
}

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const template = catalogues[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
