import type { Logger } from '../logger.js';
import type { SipFlow } from './flow.js';
import { SipHeaders } from './message.js';
import type { SipBinding } from './registrar.js';
import { newBranch, newCallId, newTag } from './serializer.js';
import type { ClientTransaction, TransactionLayer } from './transaction-layer.js';

export interface DeskProbeDeps {
  transactions: TransactionLayer;
  logger: Logger;
  /** The UDP bindings to ask now. */
  udpBindings(): SipBinding[];
  /** Nothing came back from this desk phone: its bindings and the calls on its flow go. */
  lost(flow: SipFlow, binding: SipBinding): void;
}

interface InFlight {
  binding: SipBinding;
  tx: ClientTransaction;
  answered: boolean;
}

/**
 * A desk phone over UDP has no connection whose close says it is gone (a desk over WebSocket
 * does): unplugged, crashed or off the network, it would keep its registration until it expires
 * and the call on it would hang with nobody there. So every registered UDP Contact is asked
 * OPTIONS each `intervalMs` (what PBXes call qualify); any response, whatever its status, means
 * alive. One that answered none of the retransmissions by the next round is lost.
 */
export class DeskProbe {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly intervalMs: number,
    private readonly deps: DeskProbeDeps,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.round(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const probe of this.inFlight.values()) probe.tx.terminate();
    this.inFlight.clear();
  }

  /** One round: judge the last round's probes, then ask every UDP desk again. */
  round(): void {
    const live = new Map(this.deps.udpBindings().map((b) => [keyOf(b), b]));
    const lostFlows = new Set<string>();
    for (const [key, probe] of this.inFlight) {
      probe.tx.terminate();
      // A binding removed or renewed from elsewhere meanwhile is not judged on an old probe.
      if (probe.answered || live.get(key)?.flow.id !== probe.binding.flow.id || lostFlows.has(probe.binding.flow.id)) continue;
      lostFlows.add(probe.binding.flow.id);
      this.deps.logger.warn(
        { event: 'desk_lost', workNumber: probe.binding.workNumber, contact: probe.binding.contact, remote: probe.binding.flow.remote },
        'sip: a desk phone stopped answering',
      );
      this.deps.lost(probe.binding.flow, probe.binding);
    }
    this.inFlight.clear();
    for (const binding of this.deps.udpBindings()) this.ask(binding);
  }

  private ask(binding: SipBinding): void {
    const { flow } = binding;
    const { host, port, viaTransport } = flow.local;
    const headers = new SipHeaders();
    headers.add('Via', `SIP/2.0/${viaTransport} ${host}:${port};branch=${newBranch()};rport`);
    headers.add('Max-Forwards', '70');
    headers.add('From', `<sip:12329@${host}>;tag=${newTag()}`);
    headers.add('To', `<sip:${binding.workNumber}@${host}>`);
    headers.add('Call-ID', newCallId(host));
    headers.add('CSeq', '1 OPTIONS');
    headers.add('Accept', 'application/sdp');
    const probe: InFlight = { binding, answered: false, tx: undefined as unknown as ClientTransaction };
    probe.tx = this.deps.transactions.createClient({ kind: 'request', method: 'OPTIONS', uri: binding.contact, headers, body: '' }, flow, {
      onResponse: () => (probe.answered = true),
      onTimeout: () => undefined,
    });
    this.inFlight.set(keyOf(binding), probe);
  }
}

const keyOf = (b: SipBinding): string => `${b.workNumber}|${b.contact}`;
