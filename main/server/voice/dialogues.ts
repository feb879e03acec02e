import { readDigits, readInteger } from '../../../shared/number-reading/number-reading.js';
import type { LoginType } from '../../../shared/api/verification.js';
import type { CallDialogues, CallSession, IvrOutcome, Listener } from './call-session.js';
import type { CallerCredentials, VerificationDialogue } from './caller-verification.js';
import type { PromptLibrary } from './prompt-library.js';

const LOGIN_TYPES: Record<string, LoginType> = { '1': 'fund_account', '2': 'id_card', '3': 'cobrand_card', '4': 'employer_account' };
const QUEUE_PAUSE_MS = 4_000;

export interface DialogueOptions {
  prompts: PromptLibrary;
  /** The self-service menu; it returns when the caller asks for 人工 or leaves. */
  mainMenu(session: CallSession): Promise<IvrOutcome>;
  /** Digit timeouts: the guideline's IVR repeats twice before giving up. */
  digitTimeoutMs?: number;
}

/** The spoken parts of a call that the glue plays itself, around the IVR's menu. */
export function createDialogues(options: DialogueOptions): CallDialogues & VerificationDialogue {
  const { prompts } = options;
  const timeoutMs = options.digitTimeoutMs ?? 6_000;
  const play = (session: Listener, ids: readonly string[], signal?: AbortSignal) => session.callerLeg.play(prompts.files(ids), signal ? { signal } : {});
  // Questions go through the call's channel: a digit keyed early (type-ahead) is never lost.
  const ask = async (session: Listener, ids: readonly string[], collect: { maxDigits: number; terminators?: readonly string[] }) => {
    const played = await session.channel.play(ids, { interruptOnDtmf: true });
    if (played === 'closed') return { digits: '', reason: 'closed' as const };
    return session.channel.collectDigits({ timeoutMs, interDigitTimeoutMs: timeoutMs, terminators: collect.terminators ?? [], maxDigits: collect.maxDigits });
  };

  return {
    mainMenu: (session) => options.mainMenu(session),

    async queueMusic(session, signal) {
      await play(session, ['queue-wait'], signal);
      while (!signal.aborted && !session.isOver()) {
        await new Promise((resolve) => setTimeout(resolve, QUEUE_PAUSE_MS));
        if (signal.aborted || session.isOver()) return;
        await play(session, ['queue-busy'], signal);
      }
    },

    async queuePosition(session, ahead) {
      await play(session, ['queue-ahead', ...readInteger(ahead), 'queue-ahead-unit']);
    },

    async greeting(session, workNumber) {
      // §2.4-3: 您好，12329住房公积金热线 N 号为您服务 — the work number read digit by digit.
      await play(session, ['greeting-hello', ...readDigits(workNumber), 'greeting-at-service']);
    },

    async survey(session) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await ask(session, ['survey-ask'], { maxDigits: 1 });
        if (answer.reason === 'closed') return undefined;
        if (answer.digits === '1' || answer.digits === '2' || answer.digits === '3') {
          await play(session, ['survey-thanks']);
          return Number(answer.digits) as 1 | 2 | 3;
        }
        if (answer.digits) await play(session, ['invalid']);
      }
      await play(session, ['goodbye']);
      return undefined;
    },

    async collectCredentials(session): Promise<CallerCredentials | undefined> {
      const type = await ask(session, ['verify-login-type'], { maxDigits: 1 });
      const loginType = LOGIN_TYPES[type.digits];
      if (!loginType) return undefined;
      const account = await ask(session, ['verify-account'], { maxDigits: 20, terminators: ['#'] });
      if (!account.digits) return undefined;
      const pin = await ask(session, ['verify-pin'], { maxDigits: 6 });
      if (pin.digits.length !== 6) return undefined;
      return { loginType, account: account.digits, pin: pin.digits };
    },

    async announceResult(session, outcome) {
      const id = outcome === 'verified' ? 'verify-ok' : outcome === 'locked' ? 'verify-locked' : outcome === 'no_pin' ? 'verify-no-pin' : 'verify-failed';
      await play(session, [id]);
    },
  };
}
