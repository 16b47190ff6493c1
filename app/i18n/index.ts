import { en, englishOnDemand, type MessageKey, type Messages } from './catalog';
import { formatMessage, type MessageValues } from './count';

export type Language = 'en' | 'zh';
export type { MessageKey };

/**
 * Loaded catalogues: English always (its on-demand part once `loadViewText` has run), Chinese
 * once `loadLanguage('zh')` has run.
 */
const english: Partial<Messages> = { ...en };
const catalogues: Partial<Record<Language, Partial<Messages>>> = { en: english };
let englishComplete: Promise<void> | null = null;

/** The strings of the parts that load on demand (Agreement, Review's click-through filter, Import dialog, label editor): load them with their code. */
export function loadViewText(): Promise<void> {
  englishComplete ??= englishOnDemand().then(
    (part) => void Object.assign(english, part),
    (error: unknown) => {
      englishComplete = null;
      throw error;
    },
  );
  return englishComplete;
}

/** Makes `language`'s strings available; call before showing the UI in it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (catalogues[language] !== undefined) return;
  if (language === 'zh') catalogues.zh = (await import('./catalog.zh')).zh;
}
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

/** The message in `language`, its counts in one number format and plural form (count.ts). */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  // Until Chinese has loaded (a moment at start), English stands in rather than nothing; the key
  // itself only for a string of a view whose code (and so its text) is not loaded.
  return formatMessage(language, catalogues[language]?.[key] ?? english[key] ?? key, values);
}
