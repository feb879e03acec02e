import type { IvrAction, IvrActionContext } from '../ivr/ivr-actions.js';
import type { Employer, PersonAccount, PersonalLoan } from '../../../shared/api/gateway.js';
import { readAmount, readDate, readInteger } from '../../../shared/number-reading/number-reading.js';
import { readout, say } from './caller-io.js';
import { verifiedSubject, type SelfServiceDeps } from './self-service-deps.js';

/** Fen → the yuan string readAmount() reads exactly. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

const PERSON_STATUS: Record<PersonAccount['status'], string> = { 正常: 'status-normal', 封存: 'status-sealed', 销户: 'status-closed' };
const EMPLOYER_STATUS: Record<Employer['status'], string> = { 正常: 'status-normal', 封存: 'status-sealed', 注销: 'status-cancelled' };
const LOAN_PROGRESS: Record<PersonalLoan['progress'], string> = {
  受理: 'progress-accepted',
  审批: 'progress-approving',
  放款: 'progress-disbursed',
  已结清: 'progress-settled',
};

/** 您的账户余额为 … 元 … 角 … 分，月缴存额为 …（账户状态为封存） */
export function personPrompts(p: PersonAccount): string[] {
  return [
    'balance-is',
    ...readAmount(yuan(p.balanceFen)),
    'monthly-deposit-is',
    ...readAmount(yuan(p.monthlyDepositFen)),
    ...(p.status === '正常' ? [] : ['account-status-is', PERSON_STATUS[p.status]]),
  ];
}

/** Months as 年 when whole years, else 年 + 个月. */
export function termPrompts(months: number): string[] {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [...(years ? [...readInteger(years), 'unit-year'] : []), ...(rest ? [...readInteger(rest), 'unit-months'] : [])];
}

/** 贷款余额、年限、月还款、下次还款日、办理进度. */
export function loanPrompts(l: PersonalLoan): string[] {
  return [
    'loan-balance-is',
    ...readAmount(yuan(l.balanceFen)),
    'loan-term-is',
    ...termPrompts(l.termMonths),
    'monthly-repayment-is',
    ...readAmount(yuan(l.monthlyRepaymentFen)),
    ...(l.nextDueDate ? ['next-due-is', ...readDate(l.nextDueDate)] : []),
    'loan-progress-is',
    LOAN_PROGRESS[l.progress],
  ];
}

/** 单位账户状态、缴存人数、欠缴. */
export function employerPrompts(e: Employer): string[] {
  return [
    'employer-status-is',
    EMPLOYER_STATUS[e.status],
    'employer-headcount-is',
    ...readInteger(e.headcount),
    'unit-person',
    ...(e.arrearsMonths > 0
      ? ['employer-arrears-is', ...readInteger(e.arrearsMonths), 'unit-months', 'employer-arrears-amount', ...readAmount(yuan(e.arrearsFen))]
      : ['employer-no-arrears']),
  ];
}

type Reader = (ctx: IvrActionContext, subject: { kind: 'person' | 'employer'; id: string }) => Promise<string[] | undefined>;

/**
 * A query after verification: reads the data, then # 重听 / * 返回 / 0 人工 (outcome 'agent').
 * Without a verified subject of the right kind it says so and returns to the menu.
 */
function queryAction(kind: 'person' | 'employer', read: Reader): IvrAction {
  return async (ctx) => {
    const subject = verifiedSubject(ctx.vars);
    if (!subject) return 'need-verify';
    if (subject.kind !== kind) {
      await say(ctx.channel, [kind === 'person' ? 'need-person-login' : 'need-employer-login']);
      return 'back';
    }
    const prompts = await read(ctx, subject);
    if (!prompts) return 'back';
    return readout(ctx.channel, prompts);
  };
}

export function queryPersonalAccountAction(deps: SelfServiceDeps): IvrAction {
  return queryAction('person', async (_ctx, s) => {
    const person = await deps.gateway().findPerson({ fundAccount: s.id });
    if (!person) throw new Error('verified person not found');
    return personPrompts(person);
  });
}

export function queryLoanAction(deps: SelfServiceDeps): IvrAction {
  return queryAction('person', async (ctx, s) => {
    // The latest loan first (listLoans orders by application date).
    const loan = (await deps.gateway().listLoans(s.id))[0];
    if (!loan) {
      await say(ctx.channel, ['no-loan']);
      return undefined;
    }
    return loanPrompts(loan);
  });
}

export function queryEmployerAction(deps: SelfServiceDeps): IvrAction {
  return queryAction('employer', async (_ctx, s) => {
    const employer = await deps.gateway().findEmployer(s.id);
    if (!employer) throw new Error('verified employer not found');
    return employerPrompts(employer);
  });
}
