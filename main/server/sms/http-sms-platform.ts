import { z } from 'zod';

export interface HttpSmsPlatformOptions {
  /** e.g. https://sms.example.gov.cn/v1: messages are POSTed to `${baseUrl}/messages`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; the platform's delivery reports carry the same token back. */
  token?: string;
  timeoutMs?: number;
}

export interface OutgoingSms {
  id: string;
  fundAccount: string;
  template: string;
  text: string;
}

/** What one attempt came to: accepted (with the platform's id), or refused for good, or worth retrying. */
export type SmsAttempt =
  { outcome: 'accepted'; providerId: string } | { outcome: 'refused'; error: string } | { outcome: 'retry'; error: string; retryAfterMs?: number };

const accepted = z.object({ providerId: z.string().min(1).max(100) });

/** The center's SMS platform over HTTP/JSON (contract: docs/sms-http.md). One attempt per call; the outbox retries. */
export class HttpSmsPlatform {
  private readonly url: string;

  constructor(private readonly options: HttpSmsPlatformOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/messages`;
  }

  async submit(message: OutgoingSms): Promise<SmsAttempt> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // The platform sends a repeated id once: a retry after a lost answer is no second text.
          'idempotency-key': message.id,
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ id: message.id, account: message.fundAccount, template: message.template, text: message.text }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      return { outcome: 'retry', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    const body = await response.text().catch(() => '');
    if (response.ok) {
      const parsed = accepted.safeParse(safeJson(body));
      return parsed.success
        ? { outcome: 'accepted', providerId: parsed.data.providerId }
        : { outcome: 'retry', error: `HTTP ${response.status} without a providerId` };
    }
    const error = `HTTP ${response.status} ${body.slice(0, 200)}`.trim();
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      const seconds = Number(response.headers.get('retry-after'));
      return { outcome: 'retry', error, ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}) };
    }
    return { outcome: 'refused', error };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
