// The raw counts and sums a period's indicators are computed from. Roll-ups add these, never
// the rates, so a province's figures are exact whatever the sizes of its centers.

export interface RawCounts {
  /** Every inbound call, IVR-only included. */
  callTotal: number;
  /** Calls offered to agents (caller chose 人工 in service hours): callconnect's denominator. */
  offered: number;
  /** Calls an agent answered. */
  answered: number;
  /** Calls abandoned while queued or ringing an agent (ABNcalls' numerator). */
  abandoned: number;
  /** Calls abandoned in the IVR: reported, never counted in ABNcalls. */
  abandonedIvr: number;
  /** Σ (hung_up_at − answered_at) of answered calls, hold included, ms. */
  talkMsSum: number;
  /** Σ (answered_at − queued_at) of answered calls, ms. */
  waitMsSum: number;
  /** Σ (acw_ended_at − acw_started_at), ms. */
  acwMsSum: number;
  /** Calls whose after-call work has ended. */
  acwCount: number;
  /** Complaint work orders created in the period. */
  complaints: number;
  /** Survey answers (1 满意, 2 基本满意, 3 不满意). */
  surveyResponses: number;
  /** Answers 1 满意 or 2 基本满意. */
  surveySatisfied: number;
}

export const RAW_COUNT_FIELDS = [
  'callTotal',
  'offered',
  'answered',
  'abandoned',
  'abandonedIvr',
  'talkMsSum',
  'waitMsSum',
  'acwMsSum',
  'acwCount',
  'complaints',
  'surveyResponses',
  'surveySatisfied',
] as const satisfies readonly (keyof RawCounts)[];

export function emptyRawCounts(): RawCounts {
  return Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, 0])) as unknown as RawCounts;
}

export function addRawCounts(a: RawCounts, b: RawCounts): RawCounts {
  const sum = emptyRawCounts();
  for (const f of RAW_COUNT_FIELDS) sum[f] = a[f] + b[f];
  return sum;
}

/** Province and ministry roll-up: the sum of the raw counts of the centers below. */
export function rollUp(centers: readonly RawCounts[]): RawCounts {
  return centers.reduce(addRawCounts, emptyRawCounts());
}
