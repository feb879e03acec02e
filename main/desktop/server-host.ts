import { utilityProcess, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerHostOptions {
  appRoot: string;
  dataDir: string;
  resourcesDir: string;
  httpPort: number;
  /** Set when the app should use a center's server instead of starting its own. */
  remoteServerUrl?: string | undefined;
}

export interface ServerHandle {
  url: string;
  stop(): Promise<void>;
}

/** Electron's ABI differs from Node's: use the copy of better-sqlite3 built for it, if any. */
export function electronSqliteBinding(appRoot: string): string | undefined {
  const candidate = join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

export async function startOrConnectServer(options: ServerHostOptions): Promise<ServerHandle> {
  if (options.remoteServerUrl) {
    await waitForHealth(options.remoteServerUrl, 10_000);
    return { url: options.remoteServerUrl, stop: async () => {} };
  }
  const binding = electronSqliteBinding(options.appRoot);
  const args = [
    '--data-dir',
    options.dataDir,
    '--http-port',
    String(options.httpPort),
    '--resources-dir',
    options.resourcesDir,
    ...(binding ? ['--sqlite-binding', binding] : []),
  ];
  const child: UtilityProcess = utilityProcess.fork(join(options.appRoot, 'dist', 'server', 'cli.js'), args, {
    serviceName: '12329 bundled server',
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${options.httpPort}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bundled server exited with code ${code}`))));
  await Promise.race([waitForHealth(url, 20_000), exited]);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.postMessage('shutdown');
      }),
  };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not answer /healthz: ${String(lastError)}`);
}
