// Realistic knowledge-base articles for the search bench: provident-fund policy texts built from
// templates × vocabulary (cities, topics, conditions, materials, amounts, dates) with a fixed
// seed, so that term frequencies look like a real center's KB (住房公积金 everywhere, rarer
// words in few articles) rather than 44 seed articles copied 200 times.
import { createSeededRandom } from '../../shared/random/seeded-random.js';
import type { KbArticleInput, KbCategory } from '../../shared/api/knowledge-base.js';

const CITIES = [
  '杭州',
  '宁波',
  '温州',
  '嘉兴',
  '湖州',
  '绍兴',
  '金华',
  '衢州',
  '舟山',
  '台州',
  '丽水',
  '上海',
  '南京',
  '苏州',
  '合肥',
  '芜湖',
  '无锡',
  '常州',
  '南通',
  '扬州',
];
const PEOPLE = ['在职职工', '灵活就业人员', '新市民', '退休职工', '离职职工', '农业转移人口', '高层次人才', '多子女家庭', '青年职工', '个体工商户'];
const HOUSES = ['新建商品房', '二手房', '共有产权房', '保障性住房', '自建住房', '拆迁安置房', '租赁住房', '老旧小区住房'];
const MATERIALS = [
  '身份证',
  '户口簿',
  '婚姻状况证明',
  '不动产权证书',
  '购房合同',
  '租赁合同备案证明',
  '完税证明',
  '银行卡',
  '退休证',
  '劳动合同解除证明',
  '医疗费用票据',
  '收入证明',
];
const CHANNELS = ['线上服务大厅', '手机公积金APP', '支付宝小程序', '浙里办', '服务网点柜台', '12329热线', '微信公众号'];
const TIMES = ['三个工作日', '五个工作日', '十个工作日', '当日', '次月', '十五个工作日'];

interface Topic {
  category: KbCategory;
  titles: string[];
  keywords: string[];
  sentences: string[];
}

// {city} {people} {house} {material} {channel} {time} {n} {rate} {year} {month} are filled in.
const TOPICS: Topic[] = [
  {
    category: '缴存',
    titles: [
      '{city}住房公积金缴存比例调整通知',
      '{people}如何缴存住房公积金',
      '{year}年度{city}缴存基数上下限',
      '{city}单位缴存登记办理指南',
      '单位欠缴住房公积金的处理（{city}）',
    ],
    keywords: ['缴存比例', '缴存基数', '单位缴存', '个人缴存', '基数调整', '上下限', '欠缴', '补缴', '汇缴', '开户'],
    sentences: [
      '{city}住房公积金缴存比例为百分之{n}至百分之十二，单位和职工缴存比例一致',
      '缴存基数按职工上一年度月平均工资确定，每年{month}月调整一次',
      '{year}年度缴存基数上限为{amount}元，下限为当地最低工资标准',
      '单位应在设立之日起三十日内到{channel}办理缴存登记',
      '{people}可以按月自愿缴存，缴存基数在上下限之间自行选择',
      '单位欠缴、少缴的，职工可向管理中心投诉，中心将责令限期缴存',
      '新入职职工由单位在{time}内办理个人账户设立手续',
    ],
  },
  {
    category: '提取',
    titles: [
      '{city}租房提取住房公积金办理指南',
      '购买{house}提取住房公积金',
      '{people}提取住房公积金需要哪些材料',
      '偿还贷款本息提取公积金（{city}）',
      '离职后提取住房公积金的条件',
      '大病医疗提取住房公积金',
      '加装电梯提取住房公积金（{city}）',
    ],
    keywords: ['租房提取', '购房提取', '还贷提取', '离职提取', '退休提取', '大病提取', '加装电梯', '提取材料', '提取额度', '到账时间'],
    sentences: [
      '无房职工在{city}租房的，可每{month}个月提取一次住房公积金，每年提取额度不超过{amount}元',
      '购买{house}的，可在取得{material}之日起三年内申请提取',
      '办理提取需提供{material}和{material2}，通过{channel}即可申请',
      '提取资金一般在{time}内划入本人银行卡',
      '职工与单位解除劳动关系，账户封存满半年的，可申请销户提取',
      '本人、配偶及直系亲属患重大疾病的，可凭{material}提取住房公积金',
      '老旧小区加装电梯的，业主可按出资额提取本人及配偶的住房公积金',
      '{people}退休时可一次性提取账户全部余额并销户',
    ],
  },
  {
    category: '贷款',
    titles: [
      '{city}住房公积金贷款额度计算办法',
      '{year}年{month}月起住房公积金贷款利率调整',
      '购买{house}申请公积金贷款的条件',
      '公积金贷款提前还款办理（{city}）',
      '组合贷款和商转公办理指南',
      '公积金贷款逾期的处理',
      '{people}申请住房公积金贷款',
    ],
    keywords: ['贷款额度', '贷款利率', '首套', '二套', '提前还款', '组合贷款', '商转公', '贷款期限', '逾期', '还款方式'],
    sentences: [
      '贷款额度按账户余额的{n}倍计算，且不超过最高额度{amount}万元',
      '首套住房五年以上公积金贷款利率为百分之{rate}，二套住房在此基础上上浮',
      '申请贷款需连续足额缴存住房公积金满{n}个月',
      '贷款期限最长不超过三十年，且不超过法定退休年龄后五年',
      '借款人可申请部分提前还款或一次性结清，提前还款后可选择缩短期限或减少月供',
      '逾期还款将按日加收罚息，并报送人民银行征信系统',
      '商业贷款转公积金贷款需先结清原商业贷款，由担保机构提供阶段性担保',
      '还款方式可选择等额本息或等额本金，月还款额在{channel}可查',
    ],
  },
  {
    category: '转移接续',
    titles: ['跨城市转移接续住房公积金（{city}转入）', '本市换工作后公积金账户如何转移', '多个公积金账户合并办理', '转移接续进度查询', '{people}账户转移说明'],
    keywords: ['异地转移', '转移接续', '账户合并', '换工作', '转入地', '转出地', '缴存时间连续', '转移进度'],
    sentences: [
      '职工在{city}就业后，可通过{channel}向转入地申请转移接续，无需回原缴存地',
      '转移接续一般在{time}内完成，缴存时间连续计算',
      '同一职工在本市有多个账户的，应合并至当前缴存账户',
      '换工作后由新单位办理账户转移，原账户余额随之转入',
      '转移进度可在全国住房公积金小程序查询',
    ],
  },
  {
    category: '异地',
    titles: [
      '在{city}缴存能否在异地申请贷款',
      '{city}异地购房提取住房公积金',
      '长三角住房公积金一体化：{city}互认互贷',
      '开具异地贷款缴存使用证明',
      '异地退休提取住房公积金',
    ],
    keywords: ['异地贷款', '异地购房', '异地提取', '长三角', '互认互贷', '缴存使用证明', '户籍地', '缴存地'],
    sentences: [
      '在{city}缴存的职工到户籍地购房，可申请异地贷款',
      '长三角地区实行缴存信息互认、贷款互认，{city}职工购房可就近办理',
      '异地贷款需由缴存地开具缴存使用证明，可通过{channel}线上开具',
      '在外地购买{house}的，可凭{material}提取本市账户余额',
      '异地退休的职工，可在退休地申请转移或提取',
    ],
  },
  {
    category: '其他',
    titles: ['12329热线服务时间（{city}）', '住房公积金查询密码重置', '{city}服务网点地址和办公时间', '住房公积金短信订阅', '投诉建议受理和答复时限'],
    keywords: ['服务时间', '查询密码', '重置密码', '服务网点', '短信订阅', '投诉', '工单', '答复时限'],
    sentences: [
      '12329热线人工服务时间为工作日八点半至十七点，自助语音全天提供',
      '查询密码连续输错五次将被锁定，可通过{channel}重置',
      '{city}各服务网点周一至周五办公，节假日另行通知',
      '短信订阅后，账户资金变动将以短信通知',
      '投诉建议在{time}内答复，复杂问题可延长',
    ],
  },
];

function fill(template: string, pick: <T>(list: readonly T[]) => T, random: () => number): string {
  return template
    .replaceAll('{city}', pick(CITIES))
    .replaceAll('{people}', pick(PEOPLE))
    .replaceAll('{house}', pick(HOUSES))
    .replaceAll('{material2}', pick(MATERIALS))
    .replaceAll('{material}', pick(MATERIALS))
    .replaceAll('{channel}', pick(CHANNELS))
    .replaceAll('{time}', pick(TIMES))
    .replaceAll('{n}', String(2 + Math.floor(random() * 20)))
    .replaceAll('{rate}', (2.6 + random()).toFixed(2))
    .replaceAll('{amount}', String(1 + Math.floor(random() * 120) * 1000))
    .replaceAll('{year}', String(2019 + Math.floor(random() * 7)))
    .replaceAll('{month}', String(1 + Math.floor(random() * 12)));
}

/**
 * `count` published articles, the same for the same seed. `seedSentences` (the seed articles'
 * own sentences by category) are mixed into the bodies, so the generated text also carries the
 * seeds' vocabulary and phrasing, not only the templates'.
 */
export function generateKbArticles(count: number, seed = 12329, seedSentences: ReadonlyMap<KbCategory, readonly string[]> = new Map()): KbArticleInput[] {
  const random = createSeededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    const topic = pick(TOPICS);
    const sentences = Array.from({ length: 3 + Math.floor(random() * 6) }, () => fill(pick(topic.sentences), pick, random));
    const own = seedSentences.get(topic.category) ?? [];
    for (let i = own.length > 0 ? Math.floor(random() * 3) : 0; i > 0; i--) sentences.splice(Math.floor(random() * sentences.length), 0, pick(own));
    const keywords = [...new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(topic.keywords)))];
    const roll = random();
    const year = 2019 + Math.floor(random() * 7);
    const expires = roll > 0.92 && year < 2025;
    return {
      category: topic.category,
      title: fill(pick(topic.titles), pick, random),
      body: `${sentences.join('。')}。`,
      keywords,
      effectiveFrom: `${year}-0${1 + Math.floor(random() * 9)}-01`,
      expiresAt: expires ? '2025-01-01' : null,
      status: 'published',
    };
  });
}
