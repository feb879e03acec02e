export interface ReconnectingSocketDelegate {
  onOpen?(): void;
  onMessage?(data: string): void;
  onClose?(): void;
}

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 10_000 };

/** Exponential back-off with jitter, so that a restarted server is not hit by every desk at once. */
export function nextReconnectDelay(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT, random = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

/** A WebSocket that comes back by itself after a drop or a server restart. */
export class ReconnectingSocket {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly delegate: ReconnectingSocketDelegate,
    private readonly policy: ReconnectPolicy = DEFAULT_RECONNECT,
  ) {
    this.connect();
  }

  send(data: string): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(data);
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.delegate.onOpen?.();
    };
    socket.onmessage = (event) => this.delegate.onMessage?.(String(event.data));
    socket.onclose = () => {
      this.delegate.onClose?.();
      if (this.closed) return;
      this.timer = setTimeout(() => this.connect(), nextReconnectDelay(this.attempt++, this.policy));
    };
  }
}
