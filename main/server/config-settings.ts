// The one table of the server's settings: each setting's config-file key, command-line flag,
// environment variable, schema with its default, whether it is a secret, and what it means.
// Parsing, precedence, log redaction, `--help` and the README's flag table (checked by a test)
// all come from here, so a setting is added in one place.
import { resolve } from 'node:path';
import { homedir } from 'node:os';
import { z } from 'zod';
import { APP_ROOT } from './app-root.js';
import { parseDialPlan } from '../../shared/sip/dial-plan.js';

export interface SettingSpec {
  /** Command-line flag without the dashes; none for secrets (argv is visible to every local user via ps). */
  flag?: string;
  /** Environment variable; none for settings only a config file (or the desktop app) sets. */
  env?: string;
  schema: z.ZodType;
  /** A secret: no flag, redacted from every log line. */
  secret?: true;
  /** The default as the README and --help state it, where the schema's own would mislead (paths, "unset"). */
  shownDefault?: string;
  description: string;
}

const port = z.coerce.number().int().min(0).max(65535);
const HHMM = '([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d';
const HOST = '(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)';

export const SETTINGS = {
  host: {
    flag: 'host',
    env: 'AGENT_DESK_HOST',
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'address to listen on (HTTP, SIP over WebSocket, SIP over UDP)',
  },
  httpPort: {
    flag: 'http-port',
    env: 'AGENT_DESK_HTTP_PORT',
    schema: port.default(8329),
    description: 'HTTP API, the desk at `/`, events at `/api/v1/events`, SIP over WebSocket at `/sip`; `0` picks a free port',
  },
  sipUdpPort: { flag: 'sip-udp-port', env: 'AGENT_DESK_SIP_UDP_PORT', schema: port.default(5060), description: 'SIP over UDP for trunks and desk phones' },
  dataDir: {
    flag: 'data-dir',
    env: 'AGENT_DESK_DATA_DIR',
    schema: z.string().min(1).default(resolve(homedir(), '.agent-desk-12329')),
    shownDefault: '~/.agent-desk-12329',
    description: 'SQLite database, recordings',
  },
  demo: {
    flag: 'demo',
    env: 'AGENT_DESK_DEMO',
    schema: z
      .union([z.boolean(), z.string().regex(/^(true|false|1|0|yes|no)$/i, 'expected true or false')])
      .transform((v) => (typeof v === 'boolean' ? v : /^(true|1|yes)$/i.test(v)))
      .default(false),
    shownDefault: 'off',
    description: 'load demo data (`AGENT_DESK_DEMO=1`)',
  },
  logLevel: {
    flag: 'log-level',
    env: 'AGENT_DESK_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino level; logs are JSON lines on stdout',
  },
  centerCode: {
    flag: 'center-code',
    env: 'AGENT_DESK_CENTER_CODE',
    schema: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code')
      .default('330100'),
    description: 'GB/T 2260 administrative division code of this center (a city)',
  },
  centerName: { schema: z.string().min(1).default('杭州住房公积金管理中心'), description: "the center's name on reports and exports" },
  timeZone: { schema: z.string().default('Asia/Shanghai'), description: 'periods (day, ISO week, month, year) are cut in this zone' },
  serviceHours: {
    flag: 'service-hours',
    env: 'AGENT_DESK_SERVICE_HOURS',
    schema: z
      .string()
      .regex(new RegExp(`^(always|${HHMM}(,${HHMM})*)$`), 'always, or HH:MM-HH:MM[,HH:MM-HH:MM…]')
      .optional(),
    shownDefault: "the IVR flow's",
    description: '`always`, or `08:30-12:00,13:30-17:30` for 人工 on working days',
  },
  ringTimeoutSeconds: {
    flag: 'ring-timeout',
    env: 'AGENT_DESK_RING_TIMEOUT',
    schema: z.coerce.number().int().min(5).max(120).default(20),
    description: "seconds an agent's softphone rings before the call goes to the next agent",
  },
  acwLimitSeconds: {
    flag: 'acw-limit',
    env: 'AGENT_DESK_ACW_LIMIT',
    schema: z.coerce.number().int().min(5).max(600).default(30),
    description: 'seconds of after-call work before the agent is ready again (§3.2: average ≤ 30 s)',
  },
  deskProbeSeconds: {
    flag: 'desk-probe',
    env: 'AGENT_DESK_DESK_PROBE',
    schema: z.coerce.number().int().min(0).max(3600).default(30),
    description:
      'seconds between OPTIONS to each desk phone registered over UDP; one that answers none before the next is lost (its calls end as a lost desk, docs/voice-core.md); `0` never asks',
  },
  deskDir: {
    flag: 'desk-dir',
    schema: z.string().default(resolve(APP_ROOT, 'dist', 'renderer')),
    shownDefault: 'dist/renderer',
    description: 'the built desk served at `/`',
  },
  resourcesDir: {
    flag: 'resources-dir',
    schema: z.string().default(resolve(APP_ROOT, 'resources')),
    shownDefault: 'resources',
    description: 'prompts, IVR flows, calendars, seed data',
  },
  allowedOrigins: {
    schema: z.array(z.string()).default(['app://desk']),
    shownDefault: 'app://desk',
    description: "origins besides the server's own that may call the API (the desktop app's)",
  },
  sqliteNativeBinding: {
    flag: 'sqlite-binding',
    env: 'AGENT_DESK_SQLITE_BINDING',
    schema: z.string().optional(),
    description: "a better-sqlite3 binary built for another runtime (Electron's Node ABI)",
  },
  adminPassword: {
    env: 'AGENT_DESK_ADMIN_PASSWORD',
    secret: true,
    schema: z.string().min(8, 'at least 8 characters').optional(),
    shownDefault: 'random, printed once',
    description: 'password of the first center admin (`9001`) created on an empty database; at least 8 characters',
  },
  gatewayUrl: {
    flag: 'gateway-url',
    env: 'AGENT_DESK_GATEWAY_URL',
    schema: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    shownDefault: '— (embedded tables)',
    description: "the center's core system over HTTP ([docs/gateway-http.md](docs/gateway-http.md))",
  },
  gatewayToken: { env: 'AGENT_DESK_GATEWAY_TOKEN', secret: true, schema: z.string().min(1).optional(), description: 'bearer token for the core system' },
  gatewayTimeoutMs: {
    flag: 'gateway-timeout-ms',
    env: 'AGENT_DESK_GATEWAY_TIMEOUT_MS',
    schema: z.coerce.number().int().min(100).max(60_000).default(3000),
    description: 'per attempt, for each call to the core system, 100–60000',
  },
  trunk: {
    flag: 'trunk',
    env: 'AGENT_DESK_TRUNK',
    schema: z
      .string()
      .regex(new RegExp(`^sip:${HOST}(:\\d{1,5})?$`), 'sip:host or sip:host:port (no user part, no parameters)')
      .optional(),
    shownDefault: '— (no outbound calls)',
    description:
      "`sip:host[:port]` (an IP, or a name looked up for each call) of the carrier trunk or gateway for agents' follow-up calls (回访); the dialled number becomes the user part",
  },
  trunkUser: {
    flag: 'trunk-user',
    env: 'AGENT_DESK_TRUNK_USER',
    schema: z.string().min(1).max(64).optional(),
    description: "the center's account when the carrier challenges INVITEs (401/407)",
  },
  trunkPassword: { env: 'AGENT_DESK_TRUNK_PASSWORD', secret: true, schema: z.string().min(1).optional(), description: 'its password' },
  outboundCallerId: {
    flag: 'outbound-caller-id',
    env: 'AGENT_DESK_OUTBOUND_CALLER_ID',
    schema: z
      .string()
      .regex(/^\+?\d{3,20}$/, '3 to 20 digits')
      .default('12329'),
    description: 'the number a called citizen sees on a follow-up call',
  },
  maxCalls: {
    flag: 'max-calls',
    env: 'AGENT_DESK_MAX_CALLS',
    schema: z.coerce.number().int().min(1).max(100_000).default(1000),
    description: 'inbound calls held at once (IVR, queue, with an agent); a new call past it gets 503 + Retry-After so that the trunk reroutes it',
  },
  maxCallRate: {
    flag: 'max-call-rate',
    env: 'AGENT_DESK_MAX_CALL_RATE',
    schema: z.coerce.number().int().min(1).max(10_000).default(100),
    description: "new inbound calls per second (bursts up to one second's worth); past it 503 + Retry-After ([docs/operations.md](docs/operations.md))",
  },
  maxEventLoopDelayMs: {
    schema: z.coerce.number().int().min(20).max(5000).optional(),
    shownDefault: 'off',
    description:
      'p99 event-loop delay (ms, over the last second) past which new calls are refused with 503 while calls in progress keep their audio; off unless set (a machine shared with other work lags without being overloaded by calls)',
  },
  outboundRingSeconds: {
    flag: 'outbound-ring',
    env: 'AGENT_DESK_OUTBOUND_RING',
    schema: z.coerce.number().int().min(5).max(180).default(60),
    description: 'a follow-up call unanswered this long is given up (the desk shows 无人接听)',
  },
  smsUrl: {
    flag: 'sms-url',
    env: 'AGENT_DESK_SMS_URL',
    schema: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    shownDefault: '— (texts only logged)',
    description: "the center's SMS platform over HTTP ([docs/sms-http.md](docs/sms-http.md)): booking and subscription texts, retried, with delivery reports",
  },
  smsToken: {
    env: 'AGENT_DESK_SMS_TOKEN',
    secret: true,
    schema: z.string().min(16, 'at least 16 characters').optional(),
    description: 'bearer token for the SMS platform, both ways (its delivery reports carry it); at least 16 characters',
  },
  recordingRetentionDays: {
    flag: 'recording-retention-days',
    env: 'AGENT_DESK_RECORDING_RETENTION_DAYS',
    schema: z.coerce.number().int().min(1).max(3650).default(730),
    description:
      "call recordings older than this are deleted by a daily purge (audited); 730 = two years, long enough for a complaint, its appeal and a yearly quality review — set your center's records rule ([docs/operations.md](docs/operations.md))",
  },
  opsToken: {
    env: 'AGENT_DESK_OPS_TOKEN',
    secret: true,
    schema: z.string().min(16, 'at least 16 characters').optional(),
    shownDefault: '— (no metrics route)',
    description: 'bearer token for `GET /metrics/prometheus` (operations metrics for the monitoring); at least 16 characters',
  },
  teamLeadsConfirm: {
    env: 'AGENT_DESK_TEAM_LEADS_CONFIRM',
    schema: z
      .union([z.boolean(), z.string().regex(/^(true|false|1|0|yes|no)$/i, 'expected true or false')])
      .transform((v) => (typeof v === 'boolean' ? v : /^(true|1|yes)$/i.test(v)))
      .default(false),
    shownDefault: 'off',
    description: '§2.5-2: team leads may confirm work orders too (never their own); the department leader always may',
  },
  monitorIndicator: {
    env: 'AGENT_DESK_MONITOR_INDICATOR',
    schema: z
      .union([z.boolean(), z.string().regex(/^(true|false|1|0|yes|no)$/i, 'expected true or false')])
      .transform((v) => (typeof v === 'boolean' ? v : /^(true|1|yes)$/i.test(v)))
      .default(false),
    shownDefault: 'off',
    description: 'agents see 班长监听中 on their desk while a team lead listens, whispers or barges on their call',
  },
  dialPlan: {
    flag: 'dial-plan',
    env: 'AGENT_DESK_DIAL_PLAN',
    schema: z.string().max(2000).refine(validDialPlan, 'rules: mobile, local, domestic, area:0571, allow:12345, allow:955*').optional(),
    shownDefault: 'mobile,local',
    description:
      "numbers agents may dial on follow-up calls: `mobile`, `local` (the center's area code, derived from `--center-code` or given as `area:0571`), `domestic`, `allow:12345` / `allow:955*`; international and premium numbers are always refused ([docs/security.md](docs/security.md))",
  },
  mode: {
    flag: 'mode',
    env: 'AGENT_DESK_MODE',
    schema: z.enum(['center', 'province', 'ministry']).default('center'),
    description:
      '`center` runs the hotline; `province` and `ministry` run only sign-in, users, audit and the supervision network, fed by their children ([docs/network.md](docs/network.md))',
  },
  areaCode: {
    flag: 'area-code',
    env: 'AGENT_DESK_AREA_CODE',
    schema: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code')
      .optional(),
    shownDefault: 'the center code',
    description: "this server's GB/T 2260 code in the network: a city (`330100`) for a center, a province (`330000`), or `000000` for the ministry",
  },
  parentUrl: {
    flag: 'parent-url',
    env: 'AGENT_DESK_PARENT_URL',
    schema: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    shownDefault: '— (feeds no one)',
    description: "the parent's server (a center's province, a province's ministry) that this server's day rows are sent to",
  },
  parentToken: {
    env: 'AGENT_DESK_PARENT_TOKEN',
    secret: true,
    schema: z.string().min(16, 'at least 16 characters').optional(),
    description: "the token the parent's admin issued for this server (POST /api/v1/network/children/:code/token)",
  },
  networkFeedMs: {
    flag: 'network-feed-ms',
    env: 'AGENT_DESK_NETWORK_FEED_MS',
    schema: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
    description: 'how often the day rows are compared and the outbox sent to the parent; a failed send retries with backoff from this up to 64 times it',
  },
} as const satisfies Record<string, SettingSpec>;

function validDialPlan(text: string): boolean {
  try {
    parseDialPlan(text, '000000');
    return true;
  } catch {
    return false;
  }
}

export type SettingKey = keyof typeof SETTINGS;

/** The default a reader sees: the stated one, else the schema's own, else — (unset). */
export function shownDefault(key: SettingKey): string {
  const spec: SettingSpec = SETTINGS[key];
  if (spec.shownDefault !== undefined) return spec.shownDefault;
  const value: unknown = spec.schema.parse(undefined);
  return value === undefined ? '—' : Array.isArray(value) ? value.join(', ') : String(value);
}

/** Config keys whose values are secrets (no flag, redacted from logs). */
export const SECRET_KEYS: readonly SettingKey[] = (Object.keys(SETTINGS) as SettingKey[]).filter((key) => (SETTINGS[key] as SettingSpec).secret);
