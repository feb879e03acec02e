/** The demo center's outlets and the policy summaries the IVR reads (fictional, written for this project). */

export interface DemoOutlet {
  code: string;
  name: string;
  district: string;
  address: string;
  hours: string;
  phone: string;
  slotCapacity: number;
}

const HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）';

export const DEMO_OUTLETS: readonly DemoOutlet[] = [
  {
    code: 'WD01',
    name: '市中心服务大厅',
    district: '上城区',
    address: '上城区望江路 200 号市民服务中心二楼',
    hours: HOURS,
    phone: '0571-87000101',
    slotCapacity: 8,
  },
  { code: 'WD02', name: '拱墅分中心', district: '拱墅区', address: '拱墅区湖墅南路 88 号', hours: HOURS, phone: '0571-87000102', slotCapacity: 6 },
  { code: 'WD03', name: '西湖分中心', district: '西湖区', address: '西湖区文二西路 126 号', hours: HOURS, phone: '0571-87000103', slotCapacity: 6 },
  {
    code: 'WD04',
    name: '滨江分中心',
    district: '滨江区',
    address: '滨江区江南大道 360 号行政服务中心一楼',
    hours: HOURS,
    phone: '0571-87000104',
    slotCapacity: 5,
  },
  { code: 'WD05', name: '萧山分中心', district: '萧山区', address: '萧山区市心中路 518 号', hours: HOURS, phone: '0571-87000105', slotCapacity: 5 },
  { code: 'WD06', name: '余杭分中心', district: '余杭区', address: '余杭区文一西路 1500 号', hours: HOURS, phone: '0571-87000106', slotCapacity: 5 },
  { code: 'WD07', name: '临平分中心', district: '临平区', address: '临平区迎宾路 366 号', hours: HOURS, phone: '0571-87000107', slotCapacity: 4 },
  { code: 'WD08', name: '钱塘分中心', district: '钱塘区', address: '钱塘区听涛路 88 号', hours: HOURS, phone: '0571-87000108', slotCapacity: 4 },
  { code: 'WD09', name: '富阳分中心', district: '富阳区', address: '富阳区江滨西大道 57 号', hours: HOURS, phone: '0571-87000109', slotCapacity: 3 },
  { code: 'WD10', name: '临安分中心', district: '临安区', address: '临安区城中街 450 号', hours: HOURS, phone: '0571-87000110', slotCapacity: 3 },
  { code: 'WD11', name: '桐庐办事处', district: '桐庐县', address: '桐庐县迎春南路 168 号', hours: HOURS, phone: '0571-87000111', slotCapacity: 2 },
  { code: 'WD12', name: '建德办事处', district: '建德市', address: '建德市新安东路 98 号', hours: HOURS, phone: '0571-87000112', slotCapacity: 2 },
];

export interface DemoPolicy {
  category: '缴存' | '提取' | '贷款' | '其他';
  title: string;
  summary: string;
  body: string;
  effectiveFrom: string;
}

export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    category: '缴存',
    title: '住房公积金缴存比例',
    summary: '单位和职工的缴存比例各为百分之五至百分之十二。',
    body: '单位和职工缴存比例均不得低于5%，不得高于12%，由单位在此范围内自主确定，每年可调整一次。',
    effectiveFrom: '2024-07-01',
  },
  {
    category: '缴存',
    title: '住房公积金缴存基数',
    summary: '缴存基数为职工本人上一年度月平均工资，每年七月调整。',
    body: '缴存基数为职工本人上一年度月平均工资，不得低于本市最低工资标准，不得高于上一年度全市职工月平均工资的三倍。',
    effectiveFrom: '2024-07-01',
  },
  {
    category: '缴存',
    title: '灵活就业人员自愿缴存',
    summary: '灵活就业人员可凭身份证自愿开户缴存。',
    body: '年满16周岁、在本市灵活就业的人员，可凭本人身份证件到服务网点或线上渠道办理自愿缴存开户。',
    effectiveFrom: '2023-01-01',
  },
  {
    category: '提取',
    title: '租房提取住房公积金',
    summary: '无自有住房且租房自住的，可按月或按年提取。',
    body: '职工及配偶在本市无自有住房且租赁住房的，可提取住房公积金支付房租，提取额度按本中心公布的标准执行。',
    effectiveFrom: '2024-01-01',
  },
  {
    category: '提取',
    title: '购房提取住房公积金',
    summary: '购买自住住房的，可在购房后规定期限内提取。',
    body: '职工购买自住住房的，本人及配偶可凭购房合同、发票或不动产权证书，在购房之日起三年内申请提取。',
    effectiveFrom: '2024-01-01',
  },
  {
    category: '提取',
    title: '退休销户提取',
    summary: '职工退休后可申请销户提取全部余额。',
    body: '职工达到法定退休年龄并办理退休手续的，可凭退休证明申请销户提取账户全部余额。',
    effectiveFrom: '2022-01-01',
  },
  {
    category: '提取',
    title: '离职提取住房公积金',
    summary: '与单位终止劳动关系且账户封存满半年的，可申请提取。',
    body: '职工与单位终止劳动关系，未再就业、账户封存满半年的，可申请提取账户余额。',
    effectiveFrom: '2022-01-01',
  },
  {
    category: '贷款',
    title: '住房公积金贷款申请条件',
    summary: '连续足额缴存六个月以上且无未还清公积金贷款的，可申请贷款。',
    body: '申请人连续足额缴存住房公积金6个月以上，具有稳定收入和偿还能力，无未还清的公积金贷款的，可申请个人住房公积金贷款。',
    effectiveFrom: '2024-01-01',
  },
  {
    category: '贷款',
    title: '住房公积金贷款利率',
    summary: '首套住房五年以上贷款年利率为百分之二点六。',
    body: '自2025年5月8日起，首套个人住房公积金贷款利率五年以下（含五年）为2.1%，五年以上为2.6%；第二套为2.525%和3.075%。',
    effectiveFrom: '2025-05-08',
  },
  {
    category: '贷款',
    title: '提前还款',
    summary: '借款人可申请部分或全部提前还款。',
    body: '借款人可在还款满一年后申请部分提前还款或一次性结清，部分提前还款后可选择缩短期限或减少月还款额。',
    effectiveFrom: '2023-06-01',
  },
  {
    category: '其他',
    title: '12329热线服务时间',
    summary: '自助语音服务七乘二十四小时，人工服务时间与中心工作时间一致。',
    body: '自助语音服务时间为7×24小时；人工服务时间为工作日上午9点至12点，下午1点30分至5点，法定节假日除外。',
    effectiveFrom: '2022-01-01',
  },
  {
    category: '其他',
    title: '短信订阅服务',
    summary: '订阅后，账户资金变动和贷款还款提醒将以短信通知。',
    body: '职工可通过12329热线自助语音或人工服务开通、取消短信订阅，订阅后账户资金变动、贷款还款提醒将发送至预留手机号。',
    effectiveFrom: '2022-01-01',
  },
];
