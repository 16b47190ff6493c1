/**
 * The built-in `metric` rule: quantities as Chinese news writes them — `150户`, `400多名`,
 * `3.5亿元`, `1000万`, `100%`, `70以上`, `八个`, `两位`, `三分之二`, `百分之三十`, `12年`.
 *
 * What it deliberately leaves out, because in news text these are dates, ranks or idioms rather
 * than amounts (the annotator can still tag them by hand):
 * - calendar years: four digits + 年 (`2017年`), and Chinese-digit years (`二〇一七年`, `九八年`:
 *   two or more plain digits without 十/百/千 before 年). A side effect: `五六年` ("five or six
 *   years") is not suggested either;
 * - months and days (`1月`, `12日`, `13号`): 月/日/号 are not measure words here, though
 *   `3个月` is;
 * - ordinals: anything right after 第 (`第二年`, `第12名`);
 * - a bare 一 before a measure word (`一个过程`, `唯一一个`): it is nearly always the article
 *   "a", so 一 only counts when a unit follows it (`一百名`, `一万元`);
 * - numbers glued to Latin letters (`iPhone14`), which are names, and numerals without any unit
 *   (`300`), which are too often codes or phone numbers (`12345热线`).
 *
 * Durations are metrics: `12年` (as in `12年里`) is suggested; so is `10多年`. The span covers
 * the number, an approximation word (多/余/几), the unit and a trailing qualifier (以上/以下/
 * 以内/左右/之多), never a leading one such as 近/约/超过.
 */
import type { PatternRule } from './types';

/** Measure words and units that may follow a number. Order does not matter: sorted below. */
export const METRIC_UNITS: readonly string[] = [
  // people, households, organisations, items
  '户', '名', '个', '人', '人次', '位', '家', '项', '次', '件', '所', '条', '座', '栋', '间', '套',
  '台', '辆', '种', '类', '批', '场', '份', '篇', '例', '倍', '个百分点', '百分点',
  // money
  '元', '万元', '亿元', '美元', '万美元', '亿美元', '欧元', '港元', '块',
  // magnitudes standing alone (`1000万`, `3.5亿`)
  '万', '亿',
  // size, distance, weight
  '平方米', '平方公里', '平方千米', '公顷', '亩', '公里', '千米', '米', '厘米', '毫米',
  '吨', '万吨', '公斤', '千克', '克',
  // age and duration (calendar years and dates are excluded by the grammar, not by this list)
  '岁', '周岁', '年', '个月', '天', '小时', '分钟', '秒',
  // percentages
  '%', '％', '‰',
];

const DIGIT = '[0-9０-９]';
const HAN_DIGIT = '[零〇一二两三四五六七八九]';
const HAN_NUMERAL_CHAR = '[零〇一二两三四五六七八九十百千万亿]';

/** `1000`, `3.5`, `1,000,000` (comma groups of exactly three digits only). */
const ARABIC = `${DIGIT}+(?:,${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?`;
/**
 * `八`, `十二`, `三千五百`, `一百`, `两万`, `三点五`. It starts with a digit or 十 (never with
 * 百/千/万/亿, which would catch `百姓`, `千万` "by all means" and `万一` "in case"), and with 一
 * only when a unit follows (see the file comment).
 */
const HAN = `(?:[二两三四五六七八九十]|一(?=[十百千万亿]))${HAN_NUMERAL_CHAR}*(?:点${HAN_DIGIT}+)?`;
/** A Han numeral ending in a magnitude, which is an amount on its own: `三千万`, `两亿`. */
const HAN_BIG = `(?:[二两三四五六七八九十]|一(?=[十百千万亿]))${HAN_NUMERAL_CHAR}*[万亿]`;
const MAGNITUDE = '(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)';
const APPROX = '[多余几]';
const QUALIFIER = '(?:以上|以下|以内|左右|之多)';

/** Not in the middle of a number or a Latin word, and not an ordinal. */
const ARABIC_START = `(?<![0-9０-９.．A-Za-z第])`;
const HAN_START = `(?<!${HAN_NUMERAL_CHAR}|第)`;
/** A calendar year: `2017年`, `二〇一七年`. Checked where a number starts. */
const NOT_YEAR = `(?!${DIGIT}{4}年|${HAN_DIGIT}{2,}年)`;

function escapeForUnicodeRegExp(literal: string): string {
  // In `u` mode only syntax characters may be escaped; `\%` would be a syntax error.
  return literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function buildMetricSource(): string {
  // Longest first, so that `个月` wins over `个` and `万元` over `万`.
  const units = [...new Set(METRIC_UNITS)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const unit = `(?:${units.map(escapeForUnicodeRegExp).join('|')})`;
  const number = `(?:${ARABIC}|${HAN})`;
  const amount = `(?:${ARABIC}${APPROX}?${MAGNITUDE}?|${HAN})${APPROX}?`;
  const alternatives = [
    // 百分之三十, 千分之五
    `[百千万]分之${number}`,
    // 三分之二, 3分之1
    `${number}分之${number}`,
    // 150户, 400多名, 3.5亿元, 八个, 12年, 70%以上
    `${amount}${unit}${QUALIFIER}?`,
    // 70以上, 三十左右
    `${amount}${QUALIFIER}`,
    // 1000万, 3万多, 三千万: a magnitude is an amount even without a unit
    `(?:${ARABIC}${APPROX}?${MAGNITUDE}|${HAN_BIG})${APPROX}?`,
  ];
  // Both starts are checked once, up front: every alternative begins with a number or 百/千/万.
  return `${ARABIC_START}${HAN_START}${NOT_YEAR}(?:${alternatives.join('|')})`;
}

export const BUILT_IN_METRIC_PATTERN: PatternRule = {
  id: 'builtin:metric',
  label: 'metric',
  pattern: buildMetricSource(),
  builtIn: true,
};
