import type { Logger } from '../logger.js';
import { maskAccount } from '../../../shared/api/verification.js';

/** One text message to the mobile number the center holds for a fund account. */
export interface SmsMessage {
  fundAccount: string;
  /** What kind of message, for the SMS gateway's templates and for the log. */
  template: 'sms-subscribed' | 'sms-unsubscribed' | 'appointment-booked';
  text: string;
}

/**
 * Sends texts. The center's SMS gateway knows the mobile numbers (the hotline never reads them);
 * an adapter for it implements this interface. The default only logs.
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** Logs what would be sent: the account masked, the text (it carries no PIN or full account). */
export class LogSmsSender implements SmsSender {
  readonly sent: SmsMessage[] = [];

  constructor(private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<void> {
    // Kept for tests and diagnostics; bounded so a long-running server does not grow.
    this.sent.push(message);
    if (this.sent.length > 100) this.sent.shift();
    this.logger.info(
      { event: 'sms_sent', adapter: 'log', template: message.template, account: maskAccount(message.fundAccount), text: message.text },
      'SMS (log only)',
    );
  }
}
