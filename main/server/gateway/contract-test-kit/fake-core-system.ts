import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appointmentTypeSchema, bookAppointmentSchema, policyCategorySchema } from '../../../../shared/api/gateway.js';
import { GatewayError, type PersonKey, type ProvidentFundGateway } from '../provident-fund-gateway.js';

/**
 * A stand-in for a center's core business system, speaking the HTTP contract of
 * docs/gateway-http.md over any gateway (tests use the embedded one). Faults can be injected to
 * exercise HttpGateway's timeouts and retries.
 */
export interface FakeCoreSystem {
  url: string;
  /** Requests seen, as "METHOD /path" (no query string). */
  requests: string[];
  /** The next n requests answer this status (503 by default) without reaching the gateway. */
  failNext(n: number, status?: number): void;
  /** The next request never answers. */
  hangNext(): void;
  /** The next request answers 200 with a body that breaks the contract. */
  garbleNext(): void;
  close(): Promise<void>;
}

export async function startFakeCoreSystem(gateway: ProvidentFundGateway, token?: string): Promise<FakeCoreSystem> {
  let failures: { n: number; status: number } = { n: 0, status: 503 };
  let hang = false;
  let garble = false;
  const requests: string[] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://core');
    requests.push(`${req.method} ${url.pathname}`);
    if (token && req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { code: 'invalid_request', message: 'bad token' });
    if (hang) {
      hang = false;
      return; // the socket stays open until the client gives up
    }
    if (failures.n > 0) {
      failures.n--;
      return send(res, failures.status, { code: 'unavailable', message: 'injected fault' });
    }
    if (garble) {
      garble = false;
      return send(res, 200, { surprise: true });
    }
    route(gateway, req, url)
      .then(([status, body]) => send(res, status, body))
      .catch((error: unknown) => {
        if (error instanceof GatewayError)
          return send(res, error.code === 'not_found' ? 404 : error.code === 'invalid_request' ? 400 : 409, { code: error.code, message: error.message });
        send(res, 500, { code: 'unavailable', message: 'internal error' });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/hotline/v1`,
    requests,
    failNext: (n, status = 503) => (failures = { n, status }),
    hangNext: () => (hang = true),
    garbleNext: () => (garble = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(g: ProvidentFundGateway, req: IncomingMessage, url: URL): Promise<[number, unknown]> {
  const path = url.pathname.replace(/^\/hotline\/v1/, '');
  const q = url.searchParams;
  const m = (re: RegExp) => path.match(re)?.slice(1).map(decodeURIComponent);
  const found = (value: unknown): [number, unknown] => (value === null ? [404, { code: 'not_found', message: 'not found' }] : [200, value]);
  let p: string[] | undefined;

  if (req.method === 'GET' && path === '/persons') {
    const key: PersonKey | undefined = q.has('fundAccount')
      ? { fundAccount: q.get('fundAccount')! }
      : q.has('idCardNo')
        ? { idCardNo: q.get('idCardNo')! }
        : q.has('cobrandCardNo')
          ? { cobrandCardNo: q.get('cobrandCardNo')! }
          : undefined;
    if (!key) return [400, { code: 'invalid_request', message: 'one key is needed' }];
    return found(await g.findPerson(key));
  }
  if (req.method === 'GET' && (p = m(/^\/persons\/([^/]+)\/loans$/))) return [200, { items: await g.listLoans(p[0]!) }];
  if (req.method === 'GET' && (p = m(/^\/persons\/([^/]+)\/appointments$/))) return [200, { items: await g.listAppointments(p[0]!) }];
  if (req.method === 'GET' && (p = m(/^\/persons\/([^/]+)\/sms-subscription$/))) return found(await g.getSmsSubscription(p[0]!));
  if (req.method === 'PUT' && (p = m(/^\/persons\/([^/]+)\/sms-subscription$/))) {
    const body = (await readJson(req)) as { enabled?: unknown };
    if (typeof body.enabled !== 'boolean') return [400, { code: 'invalid_request', message: 'enabled must be a boolean' }];
    return [200, await g.setSmsSubscription(p[0]!, body.enabled)];
  }
  if (req.method === 'POST' && path === '/pins/verify') {
    const body = (await readJson(req)) as { subjectKind?: unknown; subjectId?: unknown; pin?: unknown };
    if ((body.subjectKind !== 'person' && body.subjectKind !== 'employer') || typeof body.subjectId !== 'string' || typeof body.pin !== 'string') {
      return [400, { code: 'invalid_request', message: 'subjectKind, subjectId and pin are needed' }];
    }
    return [200, { result: await g.checkPin({ kind: body.subjectKind, id: body.subjectId }, body.pin) }];
  }
  if (req.method === 'GET' && (p = m(/^\/employers\/([^/]+)$/))) return found(await g.findEmployer(p[0]!));
  if (req.method === 'GET' && path === '/outlets') return [200, { items: await g.listOutlets() }];
  if (req.method === 'GET' && (p = m(/^\/outlets\/([^/]+)\/slots$/))) {
    const type = appointmentTypeSchema.safeParse(q.get('type'));
    if (!type.success || !q.get('from') || !q.get('to')) return [400, { code: 'invalid_request', message: 'type, from and to are needed' }];
    return [200, { items: await g.listSlots({ outletCode: p[0]!, type: type.data, from: q.get('from')!, to: q.get('to')! }) }];
  }
  if (req.method === 'POST' && path === '/appointments') {
    const body = bookAppointmentSchema.safeParse(await readJson(req));
    if (!body.success) return [400, { code: 'invalid_request', message: 'bad booking' }];
    return [201, await g.bookAppointment(body.data)];
  }
  if (req.method === 'POST' && (p = m(/^\/appointments\/([^/]+)\/cancel$/))) return [200, await g.cancelAppointment(p[0]!)];
  if (req.method === 'GET' && path === '/policies') {
    const category = q.get('category');
    const parsed = category === null ? undefined : policyCategorySchema.safeParse(category);
    if (parsed && !parsed.success) return [400, { code: 'invalid_request', message: 'unknown category' }];
    return [200, { items: await g.listPolicies(parsed?.data) }];
  }
  return [404, { code: 'not_found', message: `no route ${req.method} ${path}` }];
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
