import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { serverConfigSchema, type ServerConfigInput } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';
import type { ServerModuleFactory } from '../context.js';
import type { Clock } from '../clock.js';
import { APP_ROOT } from '../app-root.js';

/** Tests only: a real server on loopback with a temp data folder, and helpers to call it. */
export interface TestServer extends RunningServer {
  logs: Array<Record<string, unknown>>;
  login(workNumber: string, password?: string): Promise<string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, checked by each assertion
  call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export async function startTestServer(
  modules: readonly ServerModuleFactory[],
  options: { clock?: Clock; config?: Partial<ServerConfigInput>; dataDir?: string } = {},
): Promise<TestServer> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = serverConfigSchema.parse({
    host: '127.0.0.1',
    httpPort: 0,
    sipUdpPort: 0,
    demo: true,
    logLevel: 'warn',
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'agent-desk-test-')),
    resourcesDir: resolve(APP_ROOT, 'resources'),
    // Tests set the admin password through the environment, as operators do; the CLI reads it in loadServerConfig.
    ...(process.env.AGENT_DESK_ADMIN_PASSWORD ? { adminPassword: process.env.AGENT_DESK_ADMIN_PASSWORD } : {}),
    ...options.config,
  });
  const server = await startServer(config, createLogger(config.logLevel, sink), { modules, ...(options.clock ? { clock: options.clock } : {}) });

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(server.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) checkAgainstContract(method, path, json);
    return { status: response.status, body: json };
  };
  // A success of a route from the shared table must match the route's response schema, as the desk checks it.
  // Static paths first (/follow-up-lists/mine before /follow-up-lists/:id), as Fastify matches them.
  const contracts = server.routes
    .filter((r) => r.contract)
    .map((r) => ({
      method: r.method,
      params: r.url.split(':').length,
      pattern: new RegExp(`^${r.url.replace(/:[A-Za-z_]\w*/g, '[^/]+')}$`),
      contract: r.contract!,
    }))
    .sort((a, b) => a.params - b.params);
  const checkAgainstContract = (method: string, path: string, json: unknown) => {
    const pathname = path.split('?')[0]!;
    const route = contracts.find((c) => c.method === method && c.pattern.test(pathname))?.contract;
    if (!route || route.status === 204 || typeof json !== 'object') return;
    const checked = route.response.safeParse(json);
    if (!checked.success) throw new Error(`${method} ${path} answered what its route's response schema refuses: ${checked.error.message}`);
  };
  const login = async (workNumber: string, password = `demo${workNumber}`) => {
    const result = await call('POST', '/api/v1/auth/login', undefined, { workNumber, password });
    if (result.status !== 200) throw new Error(`login ${workNumber} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return (result.body as { token: string }).token;
  };
  // A data folder the helper made itself is removed with the server; one passed in is the test's.
  const stopServer = server.stop.bind(server);
  const stop = async () => {
    await stopServer();
    if (!options.dataDir) rmSync(config.dataDir, { recursive: true, force: true });
  };
  return Object.assign(server, { logs, call, login, stop });
}
