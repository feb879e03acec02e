// Tests only: the supervision network as real server processes (a ministry, a province, its
// centers), their HTTP calls, and an independent computation of a center's raw counts straight
// from its SQLite file (not through the server's metrics code).
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../db/database.js';
import { RAW_COUNT_FIELDS, type RawCounts } from '../../../shared/metrics/raw-counts.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export async function call(url: string, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

export async function signIn(url: string, workNumber = '9001', password = 'admin-secret-1'): Promise<string> {
  const answer = await call(url, 'POST', '/api/v1/auth/login', undefined, { workNumber, password });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body.token);
}

/** Registers a child at a parent and returns the token issued for it. */
export async function registerChild(parentUrl: string, adminToken: string, code: string): Promise<string> {
  const registered = await call(parentUrl, 'POST', '/api/v1/network/children', adminToken, { code });
  if (registered.status !== 201) throw new Error(`register ${code}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const issued = await call(parentUrl, 'POST', `/api/v1/network/children/${code}/token`, adminToken);
  return String(issued.body.token);
}

/** A TCP port that was free a moment ago: a parent that restarts must come back on the same one. */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** China Standard Time has no daylight saving: the local date is UTC+8's. */
export const cstDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A center's raw counts per local day, read from its database file row by row: an inbound call
 * counts on the day it arrived, a complaint on the day it was submitted (unless voided).
 */
export function countsFromDatabase(dataDir: string, now = Date.now()): Map<string, RawCounts> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const days = new Map<string, RawCounts>();
    const day = (date: string) => {
      let c = days.get(date);
      if (!c) days.set(date, (c = Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, 0])) as unknown as RawCounts));
      return c;
    };
    const calls = db.prepare("SELECT * FROM calls WHERE direction = 'inbound'").all() as Array<Record<string, number | string | null>>;
    for (const call of calls) {
      const c = day(cstDate(Number(call.arrived_at)));
      const answeredAt = call.answered_at as number | null;
      c.callTotal += 1;
      if (call.offered_to_agent === 1) c.offered += 1;
      if (answeredAt !== null) {
        c.answered += 1;
        c.talkMsSum += Math.max(0, Number(call.talk_ended_at ?? now) - answeredAt);
        c.waitMsSum += answeredAt - Number(call.offered_at);
      }
      if (call.abandon_stage === 'queue' || call.abandon_stage === 'ringing') c.abandoned += 1;
      if (call.abandon_stage === 'ivr') c.abandonedIvr += 1;
      c.acwMsSum += Number(call.acw_ms);
      c.acwCount += Number(call.acw_count);
      if (call.survey_result !== null) {
        c.surveyResponses += 1;
        if (call.survey_result === 1 || call.survey_result === 2) c.surveySatisfied += 1;
      }
    }
    const complaints = db
      .prepare("SELECT submitted_at FROM work_orders WHERE category = 'complaint' AND submitted_at IS NOT NULL AND state <> 'voided'")
      .pluck()
      .all() as number[];
    for (const at of complaints) day(cstDate(at)).complaints += 1;
    return days;
  } finally {
    db.close();
  }
}

export function sumCounts(list: Iterable<RawCounts>): RawCounts {
  const sum = Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, 0])) as unknown as RawCounts;
  for (const c of list) for (const f of RAW_COUNT_FIELDS) sum[f] += c[f];
  return sum;
}

/** Polls until `check` stops throwing (its last error otherwise). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000, stepMs = 150): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }
}
