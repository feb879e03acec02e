// Search quality over the seed knowledge base: for each caller-style question, the article an
// agent needs must be among the first 5 hits. Guards every change to the search's candidate cut
// or ranking (issue 17: KB search speed must not cost the quality of the first 5 hits).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../app-root.js';
import { ManualClock } from '../clock.js';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';
import { EventHub } from '../events/event-hub.js';
import { createLogger } from '../logger.js';
import { createKnowledgeBaseService, type KnowledgeBaseService } from './kb-service.js';
import { seedKnowledgeBase } from './kb-seed.js';

// question → key of the seed article (resources/kb/*.json) that answers it
const EXPECTED: Array<[string, string]> = [
  ['租房提取', 'withdraw-rent'],
  ['租房可以取公积金吗', 'withdraw-rent'],
  ['公积金贷款额度', 'loan-amount'],
  ['贷款额度怎么算', 'loan-amount'],
  ['提前还款', 'loan-prepayment'],
  ['一次性结清贷款', 'loan-prepayment'],
  ['异地贷款', 'remote-loan'],
  ['退休 提取公积金', 'withdraw-retire'],
  ['缴存基数调整', 'deposit-base'],
  ['换工作公积金怎么办', 'transfer-within-city'],
  ['商业贷款转公积金', 'loan-portfolio'],
  ['首套房利率', 'loan-rate-2025'],
  ['查询密码锁定', 'other-pin-reset'],
  ['密码忘了', 'other-pin-reset'],
  ['灵活就业人员缴存', 'deposit-flexible'],
  ['个体工商户缴存', 'deposit-flexible'],
  ['异地转移接续', 'transfer-cross-city'],
  ['加装电梯提取', 'withdraw-renovation'],
  ['贷款逾期', 'loan-overdue'],
  ['长三角', 'remote-yangtze-delta'],
  ['离职', 'withdraw-leave-job'],
  ['辞职后公积金能取出来吗', 'withdraw-leave-job'],
  ['单位不给交公积金', 'deposit-arrears'],
  ['缴存比例', 'deposit-ratio'],
  ['等额本息', 'loan-repayment-methods'],
  ['贷款期限', 'loan-term'],
  ['大病提取', 'withdraw-illness'],
  ['账户余额查询', 'deposit-account-query'],
  ['两个公积金账户合并', 'transfer-merge-accounts'],
  ['网点地址', 'other-outlets'],
  ['短信提醒', 'other-sms'],
  ['投诉', 'other-complaint'],
];

describe('knowledge-base search quality (seed articles)', () => {
  let dir: string;
  let db: Db;
  let kb: KnowledgeBaseService;
  const titleOf = new Map<string, string>();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-quality-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    kb = createKnowledgeBaseService(db, new ManualClock(Date.parse('2025-06-11T02:00:00Z')), new EventHub(), 'Asia/Shanghai');
    const seeds = resolve(APP_ROOT, 'resources', 'kb');
    seedKnowledgeBase(kb, seeds, createLogger('silent'));
    for (const file of readdirSync(seeds).filter((f) => f.endsWith('.json'))) {
      for (const a of JSON.parse(readFileSync(join(seeds, file), 'utf8')) as Array<{ key: string; title: string }>) titleOf.set(a.key, a.title);
    }
  });
  afterAll(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(EXPECTED)('"%s" has %s in its first 5 hits', (q, key) => {
    const title = titleOf.get(key);
    expect(title, `seed article ${key}`).toBeDefined();
    const top5 = kb.search({ q, limit: 5 }).items.map((i) => i.title);
    expect(top5).toContain(title);
  });
});
