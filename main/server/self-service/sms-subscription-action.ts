import type { IvrAction } from '../ivr/ivr-actions.js';
import { MAX_TRIES, ask, say } from './caller-io.js';
import { verifiedSubject, type SelfServiceDeps } from './self-service-deps.js';

/** 短信订阅: hears the current state, 1 开通 / 2 取消 / * 返回 / 0 人工; a text confirms the change. */
export function smsSubscriptionAction(deps: SelfServiceDeps): IvrAction {
  return async ({ channel, vars }) => {
    const subject = verifiedSubject(vars);
    if (!subject) {
      vars.verifyFor = 'sms';
      return 'need-verify';
    }
    if (subject.kind !== 'person') {
      await say(channel, ['need-person-login']);
      return 'back';
    }
    const gateway = deps.gateway();
    const current = await gateway.getSmsSubscription(subject.id);
    let before: string[] = [];
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const digit = await ask(channel, [...before, current?.enabled ? 'sms-status-on' : 'sms-status-off']);
      if (digit === '*') return 'back';
      if (digit === '0') return 'agent';
      if (digit === '1' || digit === '2') {
        const enabled = digit === '1';
        await gateway.setSmsSubscription(subject.id, enabled);
        deps.record(vars, { action: 'sms-subscription', enabled });
        await deps.sms.send(
          enabled
            ? { fundAccount: subject.id, template: 'sms-subscribed', text: '您已开通12329住房公积金短信订阅，账户变动和还款提醒将以短信通知。' }
            : { fundAccount: subject.id, template: 'sms-unsubscribed', text: '您已取消12329住房公积金短信订阅。' },
        );
        await say(channel, [enabled ? 'sms-subscribed' : 'sms-unsubscribed']);
        return 'back';
      }
      before = digit ? ['invalid'] : ['timeout'];
    }
    return 'back';
  };
}
