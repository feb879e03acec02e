// Knowledge-base search over 10,000 articles (the seed articles plus realistic generated ones,
// benchmarks/kit/kb-article-generator.ts): p50/p99 per query, by search mode and per query.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeDatabase, openDatabase } from '../main/server/db/database.js';
import { ManualClock } from '../main/server/clock.js';
import { EventHub } from '../main/server/events/event-hub.js';
import { createKnowledgeBaseService } from '../main/server/knowledge-base/kb-service.js';
import type { KbArticleInput } from '../shared/api/knowledge-base.js';
import { loadNote, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { generateKbArticles } from './kit/kb-article-generator.js';

const ARTICLES = 10_000;
const ROUNDS = 30;
const QUERIES = [
  '租房提取',
  '公积金贷款额度',
  '提前还款',
  '异地贷款',
  '退休 提取公积金',
  '缴存基数调整',
  '换工作公积金怎么办',
  '商业贷款转公积金',
  '首套房利率',
  '查询密码锁定',
  '灵活就业人员缴存',
  '异地转移接续',
  '加装电梯提取',
  '贷款逾期',
  '长三角',
  '提取',
  '贷款',
  '利率',
  '离职',
  '密码',
  '租房 提取',
];

const benchmark: Benchmark = {
  name: 'kb search',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kb-bench-'));
    const db = openDatabase(join(dir, 'kb.sqlite'));
    try {
      const kb = createKnowledgeBaseService(db, new ManualClock(Date.parse('2025-06-11T02:00:00Z')), new EventHub(), 'Asia/Shanghai');
      const seedDir = resolve('resources', 'kb');
      const seeds = readdirSync(seedDir)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => JSON.parse(readFileSync(join(seedDir, f), 'utf8')) as Array<KbArticleInput & { key: string; expiresAt?: string | null }>)
        .map(({ key: _key, ...a }) => ({ ...a, expiresAt: a.expiresAt ?? null, status: 'published' as const }));
      const t0 = performance.now();
      db.transaction(() => {
        for (const article of [...seeds, ...generateKbArticles(ARTICLES - seeds.length)]) kb.create(article, null);
      })();
      const loadMs = performance.now() - t0;

      for (const q of QUERIES) kb.search({ q, limit: 10 }); // warm the statement cache
      const all: number[] = [];
      const byMode = new Map<string, number[]>();
      const byQuery = new Map<string, number[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const q of QUERIES) {
          const start = performance.now();
          const result = kb.search({ q, limit: 10 });
          const ms = performance.now() - start;
          all.push(ms);
          byMode.set(result.mode, [...(byMode.get(result.mode) ?? []), ms]);
          byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
        }
      }
      const note = `${ARTICLES} articles, ${QUERIES.length} queries × ${ROUNDS}, limit 10, in-process (no HTTP)`;
      const rows: BenchRow[] = [
        { benchmark: 'kb search', metric: 'load 10,000 articles (one transaction)', value: round(loadMs, 0), unit: 'ms' },
        { benchmark: 'kb search', metric: 'search p50', value: round(percentile(all, 50), 2), unit: 'ms', note },
        { benchmark: 'kb search', metric: 'search p99', value: round(percentile(all, 99), 2), unit: 'ms', goal: 'p99 ≤ 5 ms', note: loadNote() },
      ];
      for (const [mode, times] of byMode) {
        rows.push({
          benchmark: 'kb search',
          metric: `${mode} p50 / p99`,
          value: `${round(percentile(times, 50), 2)} / ${round(percentile(times, 99), 2)}`,
          unit: 'ms',
          note: `${times.length} searches`,
        });
      }
      // The slowest queries, where the time goes.
      const slowest = [...byQuery]
        .map(([q, t]) => [q, percentile(t, 50), percentile(t, 99)] as const)
        .sort((a, b) => b[2] - a[2])
        .slice(0, 5);
      rows.push({
        benchmark: 'kb search',
        metric: 'slowest queries p50 / p99',
        value: slowest.map(([q, p50, p99]) => `${q} ${round(p50, 1)}/${round(p99, 1)}`).join('; '),
        unit: 'ms',
      });
      return rows;
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default benchmark;
