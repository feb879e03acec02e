import type { Clock } from '../clock.js';
import type { WebSocketRoute } from '../http/upgrade-router.js';
import type { Logger } from '../logger.js';
import type { CredentialThrottle } from '../auth/login-throttle.js';
import type { SipFlow } from './flow.js';
import type { OutboundCall } from './outgoing-call.js';
import { parseUri } from './name-addr.js';
import { DEFAULT_LIMITS, type ParseLimits } from './parser.js';
import { Registrar, type RegistrationEvent, type SipBinding, type SipCredentialLookup } from './registrar.js';
import type { OutgoingOptions, SipService, SipServiceDelegate } from './sip-service.js';
import { DEFAULT_TIMERS, type SipTimerValues } from './transaction-timers.js';
import { UdpTransport } from './transport-udp.js';
import { WsTransport } from './transport-ws.js';
import { UserAgentCore } from './user-agent-core.js';
import { SipTraffic } from './sip-traffic.js';
import { DeskProbe } from './desk-probe.js';

export interface SipStackOptions {
  host: string;
  logger: Logger;
  clock: Clock;
  credentials: SipCredentialLookup;
  /** Failed digests count here; the auth service's, so that SIP and HTTP guesses add up. */
  throttle?: CredentialThrottle;
  timers?: Partial<SipTimerValues>;
  limits?: Partial<ParseLimits>;
  serviceNumbers?: readonly string[];
  /** Registrar tuning (tests shorten the failure window or the expiry bounds). */
  /** Each UDP desk phone is asked OPTIONS this often; one that stops answering is lost (0: never). */
  deskProbeMs?: number;
  registrar?: {
    defaultExpires?: number;
    minExpires?: number;
    maxExpires?: number;
    failureWindowMs?: number;
    maxBindingsPerAgent?: number;
    maxBindingsPerAddress?: number;
  };
}

/** The whole SIP stack behind SipService: transports, transactions, registrar, calls. */
export class SipStack implements SipService {
  readonly registrar: Registrar;
  readonly core: UserAgentCore;
  readonly ws: WsTransport;
  /** Message and error counts for the operations metrics. */
  readonly traffic = new SipTraffic();
  private readonly udp: UdpTransport;
  private readonly probe: DeskProbe;

  constructor(private readonly options: SipStackOptions) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.registrar = new Registrar({
      credentials: options.credentials,
      clock: options.clock,
      logger: options.logger,
      ...options.registrar,
      ...(options.throttle ? { throttle: options.throttle } : {}),
    });
    this.core = new UserAgentCore({
      logger: options.logger,
      registrar: this.registrar,
      timers: { ...DEFAULT_TIMERS, ...options.timers },
      limits,
      serviceNumbers: options.serviceNumbers ?? ['12329'],
      onMalformed: (status) => this.traffic.countError(status === 513 ? 'too_large' : 'malformed'),
    });
    const receive = (data: Buffer, flow: SipFlow) => {
      this.traffic.countReceived(data);
      this.core.receive(data, flow);
    };
    this.udp = new UdpTransport(options.host, options.logger, receive, undefined, this.traffic);
    this.ws = new WsTransport(options.logger, receive, options.host, this.traffic);
    this.ws.onFlowClosed((flow) => {
      this.registrar.flowClosed(flow);
      this.core.flowClosed(flow);
    });
    // A lost desk phone is what a closed WebSocket is for a desk in the browser: its bindings go
    // and the calls on it end as 'flow-closed'.
    this.probe = new DeskProbe(options.deskProbeMs ?? 30_000, {
      transactions: this.core.transactions,
      logger: options.logger,
      udpBindings: () => this.registrar.udpBindings(),
      lost: (flow) => {
        this.registrar.flowLost(flow);
        this.core.flowClosed(flow);
      },
    });
  }

  get delegate(): SipServiceDelegate | undefined {
    return this.core.delegate;
  }

  set delegate(delegate: SipServiceDelegate | undefined) {
    this.core.delegate = delegate;
  }

  get udpPort(): number {
    return this.udp.port;
  }

  async listenUdp(port: number): Promise<number> {
    const bound = await this.udp.listen(port);
    this.probe.start();
    return bound;
  }

  websocketRoute(): WebSocketRoute {
    return this.ws.route();
  }

  inviteAgent(workNumber: string, localSdpOffer: string, options: OutgoingOptions = {}): OutboundCall {
    const binding = this.registrar.lookup(workNumber)[0];
    if (!binding || !binding.flow.isOpen()) {
      const flow = this.udp.flowFor(this.options.host, 0);
      return this.core
        .outbound(flow, { requestUri: `sip:${workNumber}@${this.options.host}`, toUri: `sip:${workNumber}@${this.options.host}` }, options)
        .failNow(480, 'Temporarily Unavailable (not registered)');
    }
    const call = this.core.outbound(binding.flow, { requestUri: binding.contact, toUri: `sip:${workNumber}@${this.options.host}` }, options);
    // Started on the next tick so that the caller can set its delegate first.
    queueMicrotask(() => call.start(localSdpOffer));
    return call;
  }

  inviteUri(uri: string, localSdpOffer: string, options: OutgoingOptions = {}): OutboundCall {
    const parsed = parseUri(uri);
    const host = parsed?.host.replace(/^\[|\]$/g, '');
    const sendTo = options.sendTo ?? { address: host ?? this.options.host, port: parsed?.port ?? 5060 };
    const flow = this.udp.flowFor(sendTo.address, sendTo.port);
    const call = this.core.outbound(flow, { requestUri: uri, toUri: uri }, options);
    // No DNS here: a named host comes with the address its caller resolved (options.sendTo).
    const addressable = options.sendTo !== undefined || (host !== undefined && /^[\d.]+$|:/.test(host));
    if (!parsed || parsed.scheme !== 'sip' || !host || !addressable)
      return call.failNow(416, 'Unsupported URI Scheme (sip:user@ip:port, or a name with sendTo)');
    queueMicrotask(() => call.start(localSdpOffer));
    return call;
  }

  isRegistered(workNumber: string): boolean {
    return this.registrar.lookup(workNumber).length > 0;
  }

  registrations(workNumber: string): SipBinding[] {
    return this.registrar.lookup(workNumber);
  }

  registeredAgents(): string[] {
    return this.registrar.registeredAgents();
  }

  onRegistration(listener: (event: RegistrationEvent) => void): () => void {
    return this.registrar.onRegistration(listener);
  }

  async close(): Promise<void> {
    this.probe.stop();
    this.core.close();
    this.registrar.close();
    this.ws.close();
    await this.udp.close();
  }
}
