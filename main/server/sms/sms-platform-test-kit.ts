import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  id: string;
  account: string;
  template: string;
  text: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

/** How the fake platform answers the next POSTs, in order; past the list it accepts. */
export type ScriptedAnswer = { status: number; retryAfter?: number; body?: string };

/** A fake SMS platform on loopback: records what it is sent, answers as scripted, sends a text once per id. */
export class FakeSmsPlatform {
  readonly received: ReceivedSms[] = [];
  readonly script: ScriptedAnswer[] = [];
  private server: Server | undefined;
  private seq = 0;
  private readonly byId = new Map<string, string>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  /** Texts actually handed to the phone network (a repeated id counts once). */
  get delivered(): number {
    return this.byId.size;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      void readJson(request).then((body) => {
        if (request.method !== 'POST' || request.url !== '/v1/messages') {
          response.writeHead(404).end();
          return;
        }
        const message = body as { id: string; account: string; template: string; text: string };
        this.received.push({
          ...message,
          authorization: request.headers.authorization,
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        });
        const answer = this.script.shift();
        if (answer) {
          response.writeHead(answer.status, {
            'content-type': 'application/json',
            ...(answer.retryAfter !== undefined ? { 'retry-after': String(answer.retryAfter) } : {}),
          });
          response.end(answer.body ?? '{"error":"scripted"}');
          return;
        }
        const providerId = this.byId.get(message.id) ?? `P${++this.seq}`;
        this.byId.set(message.id, providerId);
        response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ providerId }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
