// The fixed query set of the search-quality check (kb-search-quality.test.ts) and of the search
// bench (benchmarks/kb-search.bench.ts, over 10,000 articles): caller-style questions and the seed
// article (resources/kb/*.json) an agent needs among the first 5 hits.

// question → key of the seed article (resources/kb/*.json) that answers it
export const EXPECTED_HITS: Array<[string, string]> = [
  ['租房提取', 'withdraw-rent'],
  ['租房可以取公积金吗', 'withdraw-rent'],
  ['公积金贷款额度', 'loan-amount'],
  ['贷款额度怎么算', 'loan-amount'],
  ['提前还款', 'loan-prepayment'],
  ['一次性结清贷款', 'loan-prepayment'],
  ['异地贷款', 'remote-loan'],
  ['退休 提取公积金', 'withdraw-retire'],
  ['缴存基数调整', 'deposit-base'],
  ['换工作公积金怎么办', 'transfer-within-city'],
  ['商业贷款转公积金', 'loan-portfolio'],
  ['首套房利率', 'loan-rate-2025'],
  ['查询密码锁定', 'other-pin-reset'],
  ['密码忘了', 'other-pin-reset'],
  ['灵活就业人员缴存', 'deposit-flexible'],
  ['个体工商户缴存', 'deposit-flexible'],
  ['异地转移接续', 'transfer-cross-city'],
  ['加装电梯提取', 'withdraw-renovation'],
  ['贷款逾期', 'loan-overdue'],
  ['长三角', 'remote-yangtze-delta'],
  ['离职', 'withdraw-leave-job'],
  ['辞职后公积金能取出来吗', 'withdraw-leave-job'],
  ['单位不给交公积金', 'deposit-arrears'],
  ['缴存比例', 'deposit-ratio'],
  ['等额本息', 'loan-repayment-methods'],
  ['贷款期限', 'loan-term'],
  ['大病提取', 'withdraw-illness'],
  ['账户余额查询', 'deposit-account-query'],
  ['两个公积金账户合并', 'transfer-merge-accounts'],
  ['网点地址', 'other-outlets'],
  ['短信提醒', 'other-sms'],
  ['投诉', 'other-complaint'],
];
