import type { FixedDelayQueue } from './transaction-timers.js';
import type { SipFlow } from './flow.js';
import type { IncomingRequest, SipResponse } from './message.js';
import { buildResponse, serialize } from './serializer.js';
import { StateMachine } from './state-machine.js';
import { SERVER_INVITE_TRANSITIONS, type ServerInviteState } from './transaction-states.js';
import { TimerSet, type SipTimerValues } from './transaction-timers.js';

export interface ServerTransactionOwner {
  terminated(key: string): void;
  /** Timer J's queue (one for all transactions); without it each transaction sets its own timer. */
  lingering?: FixedDelayQueue;
}

/** RFC 3261 §17.2.1 INVITE server transaction, with RFC 6026's Accepted state. */
export class ServerInviteTransaction {
  readonly kind = 'server-invite';
  private readonly machine = new StateMachine<ServerInviteState>('INVITE server transaction', SERVER_INVITE_TRANSITIONS, 'proceeding');
  private readonly timers = new TimerSet();
  private last: string | undefined;
  /** Set when no ACK came for a non-2xx final response within 64*T1 (Timer H). */
  onAckTimeout?: () => void;

  constructor(
    readonly key: string,
    readonly request: IncomingRequest,
    readonly flow: SipFlow,
    private readonly timerValues: SipTimerValues,
    private readonly owner: ServerTransactionOwner,
  ) {
    // Sent at once so that the caller's Timer A stops (we answer in well under 200 ms anyway).
    this.send(serialize(buildResponse(request, 100)));
  }

  get state(): ServerInviteState {
    return this.machine.state;
  }

  /** Whether a final response has been sent (a CANCEL then comes too late). */
  get finalSent(): boolean {
    return !this.machine.is('proceeding');
  }

  respond(response: SipResponse): void {
    const { T1, T2 } = this.timerValues;
    const text = serialize(response);
    if (response.status < 200) {
      this.machine.to('proceeding');
      this.send(text);
    } else if (response.status < 300) {
      // Later 2xx retransmissions come from the UAS core while the transaction is accepted.
      if (this.machine.is('proceeding')) {
        this.machine.to('accepted');
        this.timers.set('L', 64 * T1, () => this.terminate());
      }
      if (this.machine.is('accepted')) this.send(text);
    } else {
      this.machine.to('completed');
      this.send(text);
      if (!this.flow.reliable) {
        const retransmit = (interval: number) =>
          this.timers.set('G', interval, () => {
            this.flow.send(text);
            retransmit(Math.min(2 * interval, T2));
          });
        retransmit(T1);
      }
      this.timers.set('H', 64 * T1, () => {
        this.onAckTimeout?.();
        this.terminate();
      });
    }
  }

  /** The same INVITE again: it gets the last answer again, never a second call. */
  receiveRetransmission(): void {
    if (this.last && !this.machine.is('terminated', 'confirmed')) this.flow.send(this.last);
  }

  /** ACK for a non-2xx final response ends here (RFC 3261 §17.2.1). */
  receiveAck(): void {
    if (!this.machine.is('completed')) return;
    this.machine.to('confirmed');
    this.timers.clear('G');
    this.timers.clear('H');
    this.timers.set('I', this.flow.reliable ? 0 : this.timerValues.T4, () => this.terminate());
  }

  terminate(): void {
    if (this.machine.is('terminated')) return;
    this.timers.clearAll();
    this.machine.to('terminated');
    this.owner.terminated(this.key);
  }

  private send(text: string): void {
    this.last = text;
    this.flow.send(text);
  }
}
