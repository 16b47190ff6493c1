import type { Language } from './index';

/**
 * Counts in UI text: one number format per language (`10,748` in both English and Chinese) and
 * plural forms chosen by `Intl.PluralRules`. `translate` (index.ts) renders every message through
 * `formatMessage`, so any number handed to `t()` comes out in this format; a number that is an
 * identifier rather than a quantity (a line number) is passed as a string to stay as it is.
 *
 * A message picks its words by a count with the ICU form
 * `{documents, plural, one {# document} other {# documents}}`: `#` is the count, formatted; the
 * branch is the one `Intl.PluralRules` names for it (`=0`-style exact branches win, `other` is the
 * fallback). Chinese inflects nothing, so its messages just say `{documents}`.
 */

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', zh: 'zh-CN' };

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

/** `n` as the UI writes counts in `language`: `1,000`. */
export function formatCount(language: Language, n: number): string {
  let format = numberFormats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[language]);
    numberFormats.set(language, format);
  }
  return format.format(n);
}

/** The plural category of `n` in `language` (`one` or `other` in English; always `other` in Chinese). */
export function pluralCategory(language: Language, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (rules === undefined) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(n);
}

export type MessageValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /^(\w+)$/;
const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;

/** The message with its `{name}` and `{name, plural, …}` placeholders filled; anything else in braces is text. */
export function formatMessage(language: Language, template: string, values?: MessageValues): string {
  if (!template.includes('{')) return template;
  let out = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    const close = open < 0 ? -1 : closingBrace(template, open);
    if (open < 0 || close < 0) return out + template.slice(at);
    out += template.slice(at, open);
    const filled = fill(language, template.slice(open + 1, close), values);
    if (filled === null) {
      // Not a placeholder (say, JSON in a help text): keep the brace, look inside it.
      out += '{';
      at = open + 1;
    } else {
      out += filled;
      at = close + 1;
    }
  }
  return out;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function shown(language: Language, value: string | number): string {
  return typeof value === 'number' ? formatCount(language, value) : value;
}

function fill(language: Language, inner: string, values: MessageValues | undefined): string | null {
  const name = PLACEHOLDER.exec(inner)?.[1];
  if (name !== undefined) {
    const value = values?.[name];
    return value === undefined ? null : shown(language, value);
  }
  const plural = PLURAL.exec(inner);
  if (plural === null) return null;
  const [, pluralName = '', rest = ''] = plural;
  const value = values?.[pluralName];
  const branches = pluralBranches(rest);
  if (value === undefined || branches === null) return null;
  // A count still loading ('…') reads in the plural.
  const branch =
    (typeof value === 'number' ? (branches.get(`=${value}`) ?? branches.get(pluralCategory(language, value))) : undefined) ?? branches.get('other');
  if (branch === undefined) return null;
  return formatMessage(language, branch.replaceAll('#', shown(language, value)), values);
}

/** `one {…} other {…}` as selector → text, or null when it is not of that form. */
function pluralBranches(text: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    if (at >= text.length) return branches.size > 0 ? branches : null;
    const selector = /^(=\d+|\w+)\s*/.exec(text.slice(at));
    if (selector === null) return null;
    at += selector[0].length;
    if (text[at] !== '{') return null;
    const close = closingBrace(text, at);
    if (close < 0) return null;
    branches.set(selector[1] ?? '', text.slice(at + 1, close));
    at = close + 1;
  }
}
