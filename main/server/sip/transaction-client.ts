import type { SipFlow } from './flow.js';
import { SipHeaders, type IncomingResponse, type SipRequest } from './message.js';
import { serialize } from './serializer.js';
import { StateMachine } from './state-machine.js';
import { CLIENT_INVITE_TRANSITIONS, CLIENT_NON_INVITE_TRANSITIONS, type ClientInviteState, type ClientNonInviteState } from './transaction-states.js';
import { TimerSet, type SipTimerValues } from './transaction-timers.js';

export interface ClientTransactionUser {
  onResponse(response: IncomingResponse): void;
  /** Timer B or F: no final response in 64*T1 (RFC 3261 §17.1.1.2: treat as 408). */
  onTimeout(): void;
}

export interface ClientTransactionOwner {
  terminated(key: string): void;
}

/** RFC 3261 §17.1.1 INVITE client transaction, with RFC 6026's Accepted state. */
export class ClientInviteTransaction {
  readonly kind = 'client-invite';
  private readonly machine = new StateMachine<ClientInviteState>('INVITE client transaction', CLIENT_INVITE_TRANSITIONS, 'calling');
  private readonly timers = new TimerSet();
  private ack: string | undefined;

  constructor(
    readonly key: string,
    readonly request: SipRequest,
    readonly flow: SipFlow,
    private readonly timerValues: SipTimerValues,
    private readonly user: ClientTransactionUser,
    private readonly owner: ClientTransactionOwner,
  ) {
    const text = serialize(request);
    flow.send(text);
    const { T1 } = timerValues;
    if (!flow.reliable) {
      const retransmit = (interval: number) =>
        this.timers.set('A', interval, () => {
          flow.send(text);
          retransmit(2 * interval);
        });
      retransmit(T1);
    }
    this.timers.set('B', 64 * T1, () => {
      this.terminate();
      this.user.onTimeout();
    });
  }

  get state(): ClientInviteState {
    return this.machine.state;
  }

  receiveResponse(response: IncomingResponse): void {
    const { T1 } = this.timerValues;
    if (this.machine.is('terminated')) return;
    if (response.status < 200) {
      if (!this.machine.is('calling', 'proceeding')) return;
      this.timers.clear('A');
      this.timers.clear('B');
      this.machine.to('proceeding');
      this.user.onResponse(response);
    } else if (response.status < 300) {
      if (this.machine.is('calling', 'proceeding')) {
        this.timers.clearAll();
        this.machine.to('accepted');
        this.timers.set('M', 64 * T1, () => this.terminate());
      }
      // In Accepted, 2xx retransmissions go to the TU, which ACKs each of them again.
      if (this.machine.is('accepted')) this.user.onResponse(response);
    } else if (this.machine.is('calling', 'proceeding')) {
      this.timers.clearAll();
      this.machine.to('completed');
      this.ack = serialize(this.ackFor(response));
      this.flow.send(this.ack);
      this.timers.set('D', this.flow.reliable ? 0 : 32_000, () => this.terminate());
      this.user.onResponse(response);
    } else if (this.machine.is('completed') && this.ack) {
      this.flow.send(this.ack);
    }
  }

  terminate(): void {
    if (this.machine.is('terminated')) return;
    this.timers.clearAll();
    this.machine.to('terminated');
    this.owner.terminated(this.key);
  }

  /** ACK for a non-2xx final response: same branch, To from the response (§17.1.1.3). */
  private ackFor(response: IncomingResponse): SipRequest {
    const headers = new SipHeaders();
    headers.add('Via', this.request.headers.get('Via')!);
    for (const route of this.request.headers.getAll('Route')) headers.add('Route', route);
    headers.add('Max-Forwards', '70');
    headers.add('From', this.request.headers.get('From')!);
    headers.add('To', response.headers.get('To')!);
    headers.add('Call-ID', this.request.headers.get('Call-ID')!);
    headers.add('CSeq', `${response.cseq.seq} ACK`);
    return { kind: 'request', method: 'ACK', uri: this.request.uri, headers, body: '' };
  }
}

/** RFC 3261 §17.1.2 non-INVITE client transaction. */
export class ClientNonInviteTransaction {
  readonly kind = 'client-non-invite';
  private readonly machine = new StateMachine<ClientNonInviteState>('non-INVITE client transaction', CLIENT_NON_INVITE_TRANSITIONS, 'trying');
  private readonly timers = new TimerSet();

  constructor(
    readonly key: string,
    readonly request: SipRequest,
    readonly flow: SipFlow,
    private readonly timerValues: SipTimerValues,
    private readonly user: ClientTransactionUser,
    private readonly owner: ClientTransactionOwner,
  ) {
    const text = serialize(request);
    flow.send(text);
    const { T1, T2 } = timerValues;
    if (!flow.reliable) {
      const retransmit = (interval: number) =>
        this.timers.set('E', interval, () => {
          flow.send(text);
          retransmit(this.machine.is('proceeding') ? T2 : Math.min(2 * interval, T2));
        });
      retransmit(T1);
    }
    this.timers.set('F', 64 * T1, () => {
      this.terminate();
      this.user.onTimeout();
    });
  }

  get state(): ClientNonInviteState {
    return this.machine.state;
  }

  receiveResponse(response: IncomingResponse): void {
    if (!this.machine.is('trying', 'proceeding')) return;
    if (response.status < 200) {
      this.machine.to('proceeding');
    } else {
      this.timers.clearAll();
      this.machine.to('completed');
      this.timers.set('K', this.flow.reliable ? 0 : this.timerValues.T4, () => this.terminate());
    }
    this.user.onResponse(response);
  }

  terminate(): void {
    if (this.machine.is('terminated')) return;
    this.timers.clearAll();
    this.machine.to('terminated');
    this.owner.terminated(this.key);
  }
}
