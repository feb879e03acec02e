/**
 * Texts the IVR cannot synthesise at call time, recorded once with scripts/make-prompts.sh:
 * the demo center's policy summaries, districts and outlets. A policy or outlet without a
 * recording here is skipped in the readout (its phone number is still read with digits).
 */
export const POLICY_PROMPTS: Readonly<Record<string, string>> = {
  住房公积金缴存比例: 'policy-deposit-rate',
  住房公积金缴存基数: 'policy-deposit-base',
  灵活就业人员自愿缴存: 'policy-deposit-flexible',
  租房提取住房公积金: 'policy-withdraw-rent',
  购房提取住房公积金: 'policy-withdraw-purchase',
  退休销户提取: 'policy-withdraw-retire',
  离职提取住房公积金: 'policy-withdraw-leave',
  住房公积金贷款申请条件: 'policy-loan-conditions',
  住房公积金贷款利率: 'policy-loan-rate',
  提前还款: 'policy-loan-prepay',
  '12329热线服务时间': 'policy-other-hours',
  短信订阅服务: 'policy-other-sms',
};

export const DISTRICT_PROMPTS: Readonly<Record<string, string>> = {
  上城区: 'district-shangcheng',
  拱墅区: 'district-gongshu',
  西湖区: 'district-xihu',
  滨江区: 'district-binjiang',
  萧山区: 'district-xiaoshan',
  余杭区: 'district-yuhang',
  临平区: 'district-linping',
  钱塘区: 'district-qiantang',
  富阳区: 'district-fuyang',
  临安区: 'district-linan',
  桐庐县: 'district-tonglu',
  建德市: 'district-jiande',
};

/** Outlet code → [its name, its name and address]. */
export const OUTLET_PROMPTS: Readonly<Record<string, { name: string; address: string }>> = Object.fromEntries(
  ['WD01', 'WD02', 'WD03', 'WD04', 'WD05', 'WD06', 'WD07', 'WD08', 'WD09', 'WD10', 'WD11', 'WD12'].map((code) => [
    code,
    { name: `outlet-name-${code.toLowerCase()}`, address: `outlet-address-${code.toLowerCase()}` },
  ]),
);

/** The demo outlets' opening hours, recorded as one prompt. */
export const STANDARD_HOURS = '工作日 9:00-12:00，13:30-17:00（法定节假日除外）';

/** Appointment windows (main/server/gateway/slot-calendar.ts SLOT_WINDOWS) → prompt. */
export const SLOT_PROMPTS: Readonly<Record<string, string>> = {
  '09:00-10:00': 'slot-0900',
  '10:00-11:00': 'slot-1000',
  '11:00-12:00': 'slot-1100',
  '13:30-14:30': 'slot-1330',
  '14:30-15:30': 'slot-1430',
  '15:30-16:30': 'slot-1530',
};
