import type { IvrAction } from '../ivr/ivr-actions.js';
import { ivrPrincipal } from './system-principal.js';
import type { SelfServiceDeps } from './self-service-deps.js';

const PHONE = /^[0-9+\-\s]{3,20}$/;

/**
 * §2.3 after hours: the caller leaves a number and the request becomes an inquiry (咨询) work
 * order, submitted for the leader's confirmation, with the call it came from.
 */
export function callbackRequestAction(deps: SelfServiceDeps): IvrAction {
  const callerOf = deps.db.prepare<[string], string>('SELECT caller FROM calls WHERE id = ?').pluck();
  return ({ vars, clock }) => {
    const workOrders = deps.workOrders();
    if (!workOrders) throw new Error('work orders are not available');
    const callback = vars.callbackNumber ?? '';
    if (!PHONE.test(callback)) return 'invalid';
    const caller = vars.callId ? callerOf.get(vars.callId) : undefined;
    const order = workOrders.create(ivrPrincipal(deps.db, deps.centerCode, clock.now()), {
      category: 'inquiry',
      title: '非工作时间来电，请回电',
      description: `来电人在人工服务时间以外拨打12329，通过自助语音留下回电号码 ${callback}，请在工作时间回电。`,
      callbackNumber: callback,
      ...(caller && PHONE.test(caller) ? { callerNumber: caller } : {}),
      ...(vars.callId ? { callId: vars.callId } : {}),
      submit: true,
    });
    deps.record(vars, { action: 'callback-request', workOrderId: order.id });
    vars.workOrderId = String(order.id);
    return 'registered';
  };
}
