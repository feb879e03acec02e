// Kamailio (Debian's /usr/sbin/kamailio) as the peer the SIP benches compare against: started on
// loopback on a free port with a minimal config written to a temp dir, two UDP workers. OPTIONS
// get 200 statelessly (sl_send_reply); REGISTERs are digest-authenticated against a db_text
// subscriber table of the bench users (bench-users.ts) and saved in usrloc (memory only).
// Nothing of Kamailio is kept in the repo.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_REALM, BENCH_USERS, benchHa1, benchPassword } from './bench-users.js';

export const KAMAILIO = '/usr/sbin/kamailio';
const MODULES = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];

export interface KamailioPeer {
  port: number;
  /** The main process; its workers are its children. */
  pid: number;
  version: string;
  stop(): Promise<void>;
}

export function kamailioInstalled(): boolean {
  return existsSync(KAMAILIO) && MODULES.some((dir) => ['sl', 'db_text', 'auth_db', 'registrar'].every((m) => existsSync(join(dir, `${m}.so`))));
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

function config(port: number, modules: string, db: string): string {
  return `#!KAMAILIO
debug=${process.env.KAMAILIO_DEBUG ?? 1}
log_stderror=yes
children=2
auto_aliases=no
listen=udp:127.0.0.1:${port}
mpath="${modules}/"
loadmodule "sl.so"
loadmodule "db_text.so"
loadmodule "auth.so"
loadmodule "auth_db.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
modparam("auth_db", "db_url", "text://${db}")
modparam("auth_db", "calculate_ha1", no)
modparam("auth_db", "password_column", "ha1")
modparam("auth_db", "load_credentials", "")
modparam("usrloc", "db_mode", 0)
request_route {
  if (method == "OPTIONS") { sl_send_reply("200", "OK"); exit; }
  if (method == "REGISTER") {
    if (!www_authorize("${BENCH_REALM}", "subscriber")) { www_challenge("${BENCH_REALM}", "1"); exit; }
    if (!save("location")) { sl_send_reply("500", "Server Error"); }
    exit;
  }
  sl_send_reply("501", "Not Implemented");
}
`;
}

/** db_text tables: the version rows Kamailio 5.6 checks and the bench users' subscriber rows. */
function writeDb(db: string): void {
  mkdirSync(db);
  writeFileSync(join(db, 'version'), 'id(int,auto) table_name(string) table_version(int) \n0:subscriber:7\n0:location:9\n0:location_attrs:1\n');
  // HA1 stored, as our registrar's look-up returns it (no per-request hashing of the password).
  const rows = BENCH_USERS.map((user, i) => `${i + 1}:${user}:${BENCH_REALM}:${benchPassword(user)}:${benchHa1(user)}:${benchHa1(user)}`);
  writeFileSync(join(db, 'subscriber'), `id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) \n${rows.join('\n')}\n`);
}

/** Answers when an OPTIONS to the port gets a 200 back (Kamailio forks its workers after binding). */
async function waitForOptions(port: number, timeoutMs: number): Promise<void> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const local = socket.address().port;
  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`kamailio did not answer OPTIONS within ${timeoutMs} ms`)), timeoutMs);
      socket.on('message', (data) => {
        if (data.toString('latin1').startsWith('SIP/2.0 200')) {
          clearTimeout(deadline);
          clearInterval(probe);
          resolve();
        }
      });
      let n = 0;
      const probe = setInterval(() => {
        n++;
        socket.send(
          `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-ping-${n}\r\nMax-Forwards: 70\r\n` +
            `From: <sip:ping@127.0.0.1>;tag=p\r\nTo: <sip:ping@127.0.0.1>\r\nCall-ID: ping-${n}\r\nCSeq: ${n} OPTIONS\r\nContent-Length: 0\r\n\r\n`,
          port,
          '127.0.0.1',
        );
      }, 100);
    });
  } finally {
    socket.close();
  }
}

export async function startKamailio(): Promise<KamailioPeer> {
  const modules = MODULES.find((dir) => existsSync(join(dir, 'sl.so')))!;
  const dir = mkdtempSync(join(tmpdir(), 'kamailio-bench-'));
  const port = await freeUdpPort();
  const file = join(dir, 'kamailio.cfg');
  writeDb(join(dir, 'db'));
  writeFileSync(file, config(port, modules, join(dir, 'db')));
  // -DD: stay in the foreground (workers are still forked); -E: log to stderr; -Y: runtime dir.
  const child: ChildProcess = spawn(KAMAILIO, ['-DD', '-E', '-f', file, '-Y', dir, '-m', '64', '-M', '8'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    if (process.env.KAMAILIO_DEBUG) process.stderr.write(chunk);
  });
  const version = await new Promise<string>((resolve) => {
    const v = spawn(KAMAILIO, ['-v']);
    let out = '';
    v.stdout.on('data', (c: Buffer) => (out += c.toString()));
    v.on('close', () => resolve(/kamailio (\S+)/.exec(out)?.[1] ?? 'unknown'));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForOptions(port, 10_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; log: ${log.slice(-500)}`);
  }
  return { port, pid: child.pid!, version, stop };
}
