// Knowledge-base search over 10,000 articles (the seed articles plus realistic generated ones,
// benchmarks/kit/kb-article-generator.ts): the search the server runs (jieba words ranked from the
// stored word impacts of migration 31, trigram fallback) side by side with the trigram search
// alone (KbSearch, before migration 26), on the same database in the same run, interleaved: wall
// p50/p99, CPU per search (robust to the load of a shared machine), and the quality of the first
// 5 hits over the fixed query set.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeDatabase, openDatabase } from '../main/server/db/database.js';
import { ManualClock } from '../main/server/clock.js';
import { EventHub } from '../main/server/events/event-hub.js';
import { createKnowledgeBaseService } from '../main/server/knowledge-base/kb-service.js';
import { KbSearch } from '../main/server/knowledge-base/kb-search.js';
import { EXPECTED_HITS } from '../main/server/knowledge-base/kb-quality-queries.js';
import { segmenterLoadMs } from '../main/server/knowledge-base/word-segmenter.js';
import type { KbArticleInput, KbCategory } from '../shared/api/knowledge-base.js';
import { loadNote, median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
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

interface Timing {
  wall: number[];
  cpu: number[];
}

function timed(search: () => unknown, into: Timing): void {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  search();
  into.wall.push(performance.now() - start);
  const cpu = process.cpuUsage(cpu0);
  into.cpu.push((cpu.user + cpu.system) / 1000);
}

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
        .flatMap((f) => JSON.parse(readFileSync(join(seedDir, f), 'utf8')) as Array<KbArticleInput & { key: string; expiresAt?: string | null }>);
      const seedSentences = new Map<KbCategory, string[]>();
      for (const a of seeds) seedSentences.set(a.category, [...(seedSentences.get(a.category) ?? []), ...a.body.split('。').filter((x) => x.length > 6)]);
      const t0 = performance.now();
      const seedIds = new Map<string, number>();
      db.transaction(() => {
        for (const { key, ...a } of seeds) seedIds.set(key, kb.create({ ...a, expiresAt: a.expiresAt ?? null, status: 'published' }, null, key).id);
        for (const article of generateKbArticles(ARTICLES - seeds.length, 12329, seedSentences)) kb.create(article, null);
      })();
      const loadMs = performance.now() - t0;

      const date = '2025-06-11';
      const trigram = new KbSearch(db);
      const runs = {
        words: (q: string) => kb.search({ q, limit: 10 }),
        trigram: (q: string) => trigram.search({ q, limit: 10, date }),
      };
      for (const q of QUERIES) for (const run of Object.values(runs)) run(q); // warm the statement caches
      const times = { words: { wall: [], cpu: [] } as Timing, trigram: { wall: [], cpu: [] } as Timing };
      const byQuery = new Map<string, number[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const q of QUERIES) {
          // Alternate which goes first, so that neither always meets a warm cache.
          const order = round % 2 ? (['words', 'trigram'] as const) : (['trigram', 'words'] as const);
          for (const name of order) timed(() => runs[name](q), times[name]);
          byQuery.set(q, [...(byQuery.get(q) ?? []), times.words.wall.at(-1)!]);
        }
      }
      // Quality at 10,000 articles: the seed article among the first 5 of its question.
      const inTop5 = (run: (q: string) => { items: Array<{ id: number }> }) =>
        EXPECTED_HITS.filter(([q, key]) =>
          run(q)
            .items.slice(0, 5)
            .some((i) => i.id === seedIds.get(key)),
        ).length;
      const quality = { words: inTop5(runs.words), trigram: inTop5(runs.trigram) };

      const note = `${ARTICLES} articles, ${QUERIES.length} queries × ${ROUNDS}, limit 10, in-process (no HTTP); peer: the trigram search alone on the same database, interleaved`;
      const pair = (metric: string, pick: (t: Timing) => number, goal?: string, extra?: string): BenchRow => ({
        benchmark: 'kb search',
        metric,
        value: round(pick(times.words), 2),
        unit: 'ms',
        goal,
        peer: `trigram ${round(pick(times.trigram), 2)}`,
        ratio: round(pick(times.words) / pick(times.trigram), 2).toFixed(2),
        note: extra,
      });
      const rows: BenchRow[] = [
        { benchmark: 'kb search', metric: 'load 10,000 articles (one transaction, every index and the word impacts)', value: round(loadMs, 0), unit: 'ms' },
        { benchmark: 'kb search', metric: 'jieba dictionary load (once per process)', value: round(segmenterLoadMs(), 0), unit: 'ms' },
        pair('search p50', (t) => percentile(t.wall, 50), undefined, note),
        pair('search p99', (t) => percentile(t.wall, 99), 'p99 ≤ 5 ms', loadNote()),
        pair('CPU per search, median', (t) => median(t.cpu), undefined, 'process CPU time around each search (less skewed by other work than wall time)'),
        pair('CPU per search, p99', (t) => percentile(t.cpu, 99)),
        {
          benchmark: 'kb search',
          metric: 'expected article in the first 5 (10,000 articles)',
          value: `${quality.words} of ${EXPECTED_HITS.length}`,
          unit: 'queries',
          goal: 'not below the trigram search',
          peer: `trigram ${quality.trigram} of ${EXPECTED_HITS.length}`,
        },
      ];
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
