import { describeProblem, KIND_TEXT, PROBLEM_TEXT, type Problem, type ProblemCode, type ValueKind } from '../../src/formats/problems';
import type { Language } from './index';

/**
 * Why a line of an imported file was left out, or a file refused, in Chinese. The English wording is the parsers'
 * own (src/formats/problems.ts); field names, tags and quoted values stay as the file has them.
 */
const PROBLEM_ZH: Readonly<Record<ProblemCode, string>> = {
  malformedJson: 'JSON 格式错误：{detail}',
  notAnObject: '应为 JSON 对象，实为{kind}',
  noText: '没有文本：应有 "text"、"content" 或 "data" 字段',
  textNotString: '"{field}" 应为字符串，实为{kind}',
  prodigySkipped: '已跳过：Prodigy 的 answer 为 "{answer}"',
  spansNotArray: '"spans" 应为数组，实为{kind}',
  spanNotObject: '每个实体都应是含 start、end 和 label 的对象，实为 {value}',
  labelsNotArray: '"label" 应为 [start, end, label] 的数组，实为{kind}',
  labelNotTriple: '每个标注都应是 [start, end, label] 三元组，实为 {value}',
  cluenerNotObject: '"label" 应为 {类型: {实体: [[start, end]]}} 形式的对象，实为{kind}',
  cluenerTypeNotObject: '标签 {label} 应把实体映射到位置，实为 {value}',
  cluenerPositionsNotArray: '实体 {entity} 应有 [start, end] 位置的列表，实为 {value}',
  cluenerBadPosition: '实体 {entity} 的位置不是 [start, end]：{value}',
  annotatorNotString: '"annotator" 应为字符串，实为{kind}',
  unknownStatus: '未知状态 {value}：应为 "new"、"in-progress"、"done" 或 "skipped"',
  offsetsNotIntegers: '实体偏移应为整数，实为 {start} 和 {end}',
  spanWithoutLabel: '实体 {span} 需要标签（非空字符串），实为 {value}',
  labelHasWhitespace: '标签 {label} 含有空白字符，CoNLL 和 BIO 文件用空白分隔字段；请在文件中改名后重新导入',
  labelIsOutsideTag: '标签 {label} 是 BIO 中表示“不属于任何标注”的标记；请在文件中改名后重新导入',
  labelHasTagPrefix: '标签 {label} 以 BIO 标记前缀 {prefix} 开头，会被读作另一个标记；请在文件中改名后重新导入',
  spanEmpty: '实体 {span} 为空',
  spanReversed: '实体 {span} 的结束早于开始',
  spanOutsideText: '实体 {span} 超出文本范围（长度 {length}）',
  spanTextDisagrees: '实体文本 {claimed} 与偏移 {span} 不符，该偏移截取的是 {sliced}',
  conllNoTag: '应为以空白分隔的词元和标记，实为 {value}；从第 {first} 行开始的文档未导入',
  conllUnknownTag: '未知标记 {tag}：应为 O，或 B-、I-、E-、S-、M- 加标签；从第 {first} 行开始的文档未导入',
  bratBadLine: '应为 "T1<TAB>标签 起点 终点<TAB>文本"，实为 {value}；文档 {file} 未导入',
  bratNoText: '{file} 没有对应的 .txt 文件，未导入',
  bratSpan: '{cause}（{file}）；该文档未导入',
  bratSpanLeftOut: '{cause}（在 {file} 中）；此实体未导入',
  labelTooLong: '标签 {label} 超过 {max} 个字符（标签名的上限）；此实体未导入（可在导入对话框中映射到已有标签）',
  spanCrossesSplit: '实体 {span} 跨越了长文档的拆分处，未导入',
  dictionaryTabs: '应为 "词条" 或 "词条<TAB>标签"，但有不止一个制表符。',
  dictionaryEmptyTerm: '词条为空。',
  dictionaryNoLabel: '没有标签：该行没有标签，也未指定默认标签。',
  dictionaryMalformedJson: 'JSON 格式错误。',
  dictionaryNotAnObject: '应为 JSON 对象，例如 {"label": "person", "pattern": "刘艳霞"}。',
  dictionaryLabelMissing: '缺少 "label"（非空字符串）。',
  dictionaryPatternMissing: '缺少 "pattern"（字符串或词元列表）。',
  dictionaryEmptyPattern: 'pattern 为空。',
  dictionaryTokenUnsupported: '不支持的词元模式：第 {index} 个词元不是单个 "orth"、"text" 或 "lower" 字符串。',
  dictionaryBrokenSurrogate: '词条含有残缺的代理对。',
  fileNotText: '无法读取 {file}：它不是 UTF-8、带字节顺序标记的 UTF-16 或 GB18030 文本',
  fileInvalidBytes: '无法读取 {file}：偏移 {offset} 附近的字节不是有效的 {encoding}',
  fileUnreadable: '无法读取 {file}：{detail}',
  fileNotImported: '{cause}。该文件未导入任何内容。',
  diskFull: '磁盘已满：{file} 未导入，工作区没有任何改动。请释放空间后重试。',
  importFailed: '导入 {file} 失败：{detail}。该文件未导入任何内容。',
  importStopped: '导入已中止：{detail}',
};

const KIND_ZH: Readonly<Record<ValueKind, string>> = {
  array: '数组',
  object: '对象',
  null: 'null',
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  undefined: '空',
};

export function problemText(problem: Problem, language: Language): string {
  return language === 'zh' ? describeProblem(problem, PROBLEM_ZH, KIND_ZH) : describeProblem(problem, PROBLEM_TEXT, KIND_TEXT);
}
