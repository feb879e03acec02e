import type { ServerContext } from '../context.js';
import type { IvrAction, IvrActionRegistry } from '../ivr/ivr-actions.js';
import { verifyCallerAction } from './verify-caller-action.js';
import { queryEmployerAction, queryLoanAction, queryPersonalAccountAction } from './account-actions.js';
import { outletsAction, policyByCategoryAction } from './guide-actions.js';
import { bookAppointmentAction } from './book-appointment-action.js';
import { smsSubscriptionAction } from './sms-subscription-action.js';
import { callbackRequestAction } from './callback-request-action.js';
import { selfServiceDeps, type SelfServiceDeps } from './self-service-deps.js';
import type { SmsSender } from './sms-sender.js';

/** §2.4-11 through the flow's survey entry: 1 满意 / 2 基本满意 / 3 不满意 onto the call record. */
function surveyAction(deps: SelfServiceDeps): IvrAction {
  return ({ vars }) => {
    const result = Number(vars.survey);
    if (vars.callId && (result === 1 || result === 2 || result === 3)) deps.callRecord(vars.callId)?.surveyResult(result);
  };
}

/** Every action the 12329 flow names (§1.2 自助语音服务), on the server's gateway, verification and work orders. */
export function createSelfServiceActions(ctx: ServerContext, options: { sms?: SmsSender } = {}): IvrActionRegistry {
  return actionsFor(selfServiceDeps(ctx, options.sms));
}

export function actionsFor(deps: SelfServiceDeps): IvrActionRegistry {
  return {
    'verify-caller': verifyCallerAction(deps),
    'query-personal-account': queryPersonalAccountAction(deps),
    'query-loan': queryLoanAction(deps),
    'query-employer': queryEmployerAction(deps),
    'policy-by-category': policyByCategoryAction(deps),
    outlets: outletsAction(deps),
    'book-appointment': bookAppointmentAction(deps),
    'sms-subscription': smsSubscriptionAction(deps),
    'callback-request': callbackRequestAction(deps),
    survey: surveyAction(deps),
  };
}
