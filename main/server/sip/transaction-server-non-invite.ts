import type { SipFlow } from './flow.js';
import type { IncomingRequest, SipResponse } from './message.js';
import { serialize } from './serializer.js';
import { StateMachine } from './state-machine.js';
import type { ServerTransactionOwner } from './transaction-server-invite.js';
import { SERVER_NON_INVITE_TRANSITIONS, type ServerNonInviteState } from './transaction-states.js';
import { TimerSet, type SipTimerValues } from './transaction-timers.js';

/** RFC 3261 §17.2.2 non-INVITE server transaction. */
export class ServerNonInviteTransaction {
  readonly kind = 'server-non-invite';
  private readonly machine = new StateMachine<ServerNonInviteState>('non-INVITE server transaction', SERVER_NON_INVITE_TRANSITIONS, 'trying');
  private readonly timers = new TimerSet();
  private last: string | undefined;

  /** The request until the final response: a completed transaction lingers 32 s on UDP with only its answer. */
  private pending: IncomingRequest | undefined;

  constructor(
    readonly key: string,
    request: IncomingRequest,
    readonly flow: SipFlow,
    private readonly timerValues: SipTimerValues,
    private readonly owner: ServerTransactionOwner,
  ) {
    this.pending = request;
  }

  get request(): IncomingRequest | undefined {
    return this.pending;
  }

  get state(): ServerNonInviteState {
    return this.machine.state;
  }

  get finalSent(): boolean {
    return this.machine.is('completed', 'terminated');
  }

  respond(response: SipResponse): void {
    this.machine.to(response.status < 200 ? 'proceeding' : 'completed');
    this.last = serialize(response);
    this.flow.send(this.last);
    if (response.status < 200) return;
    this.pending = undefined;
    const lingering = this.owner.lingering;
    if (!this.flow.reliable && lingering) lingering.add(() => this.terminate());
    else this.timers.set('J', this.flow.reliable ? 0 : 64 * this.timerValues.T1, () => this.terminate());
  }

  receiveRetransmission(): void {
    if (this.last && this.machine.is('proceeding', 'completed')) this.flow.send(this.last);
  }

  terminate(): void {
    if (this.machine.is('terminated')) return;
    this.timers.clearAll();
    this.machine.to('terminated');
    this.owner.terminated(this.key);
  }
}
