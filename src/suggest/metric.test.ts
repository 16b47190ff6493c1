import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRIC_PATTERN, compilePattern, findPatternMatches } from './patterns';

/** Excerpts of shared/seeds/000_f843adead5036889.txt, inlined so the test stands alone. */
const SEED_EXCERPT = [
  '今年1月,民政部印发《关于表彰全国先进基层群众性自治组织、全国优秀城乡社区工作者的决定》,本市4个基层群众性自治组织,12名城乡社区工作者获表彰。',
  '从2011年开始扎根社区工作,到如今收获各方认可,刘艳霞在12年里一心一意为民服务,一点一滴攻坚克难。',
  '"我们社区党总支原有3个党支部,后来因央企党员退休后实行社会化管理,有400多名党员转入社区,社区党总支在册党员数达到了近800名。"刘艳霞将社区原有的三个党支部细分为八个,推荐公益心强',
  '实施网格化管理后,每名社区工作者负责约150户居民;每户居民遇到问题,都能第一时间找到具体人员进行对接。',
  '为获取两个无物业小区306户居民的理解与支持,社区工作人员利用下班及周末时间开展走访问需。最终,同意引入物业的居民占比超过了三分之二。',
  '物业服务费采取"第一年政府补贴100%,第二年政府补贴70%,第三年政府补贴30%"的方式',
  '很快,8个辐射全辖区13个居住小区的"邻里议事厅"启用,中仓街道唯一一个"社区书记工作室"',
  '据悉,我国拥有全球70以上的假发工厂',
  '2020年11月13日,艾为电子获得国家级专精特新小巨人称号,是第二批获得此称号的公司之一。上周末(12日)网上流传',
].join('\n');

function metrics(text: string): string[] {
  return findPatternMatches(text, [BUILT_IN_METRIC_PATTERN]).map(({ start, end }) => text.slice(start, end));
}

describe('BUILT_IN_METRIC_PATTERN', () => {
  it('compiles under compilePattern (Unicode mode, no empty match)', () => {
    expect(compilePattern(BUILT_IN_METRIC_PATTERN)).toBeInstanceOf(RegExp);
    expect(BUILT_IN_METRIC_PATTERN).toMatchObject({ label: 'metric', builtIn: true });
  });

  it('finds the quantities of the seed article, and nothing else there', () => {
    expect(metrics(SEED_EXCERPT)).toEqual([
      '4个', '12名', '12年', '3个', '400多名', '800名', '三个', '八个', '150户', '两个', '306户', '三分之二',
      '100%', '70%', '30%', '8个', '13个', '70以上',
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '每名社区工作者负责约150户居民';
    const [match] = findPatternMatches(text, [BUILT_IN_METRIC_PATTERN]);
    expect(match).toEqual({ start: 10, end: 14, label: 'metric', source: 'pattern', ruleId: BUILT_IN_METRIC_PATTERN.id });
  });

  it.each([
    ['1000万元', '1000万元'], ['3.5亿元', '3.5亿元'], ['投资1000万', '1000万'], ['3万多人', '3万多人'],
    ['百分之三十', '百分之三十'], ['千分之五', '千分之五'], ['3分之1', '3分之1'], ['十几个', '十几个'],
    ['两位书记', '两位'], ['一百名', '一百名'], ['一万元', '一万元'], ['三千万', '三千万'],
    ['1,000,000元', '1,000,000元'], ['70%以上', '70%以上'], ['三十左右', '三十左右'], ['近十种语言', '十种'],
    ['3个月', '3个月'], ['12个百分点', '12个百分点'], ['十二年', '十二年'], ['10多年', '10多年'],
    ['1000余人', '1000余人'], ['50平方米', '50平方米'], ['２０人', '２０人'],
  ])('matches %s as %s', (text, expected) => {
    expect(metrics(text)).toEqual([expected]);
  });

  it.each([
    '2017年', '2017年初', '二〇一七年', '２０２３年', '1月', '12日', '13号', '12月19日', '第二年', '第12名', '第二批',
    '一个过程', '唯一一个', '一系列', '万一碰上', '千万不要', '百姓', 'iPhone14', '12345市民服务热线', '多名社区工作骨干',
  ])('does not match %s', (text) => {
    expect(metrics(text)).toEqual([]);
  });
});
