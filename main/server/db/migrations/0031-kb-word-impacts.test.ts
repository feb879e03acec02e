import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 31: kb-word-impacts', () => {
  it('stores each word of the existing articles with its bm25 impact, best first by word', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 30);
    const insert = db.prepare(
      "INSERT INTO kb_articles (category, title, body, keywords, effective_from, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01', 'published', 1, 0, 0)",
    );
    const rent = Number(insert.run('提取', '租房提取住房公积金', '无房职工租房的，可按月提取。', '租房提取').lastInsertRowid);
    const loan = Number(insert.run('贷款', '住房公积金贷款额度怎么计算', '贷款额度按账户余额的倍数计算，租房不影响。', '贷款额度').lastInsertRowid);
    migrate(db, MIGRATIONS, 31);
    const best = (word: string) => db.prepare<[string], number>('SELECT article_id FROM kb_word_impacts WHERE word = ? ORDER BY impact DESC').pluck().all(word);
    // 租房 is in the title and keywords of one, only in the body of the other: that one first.
    expect(best('租房')).toEqual([rent, loan]);
    expect(best('贷款额度')).toEqual([loan]);
    expect(best('额度')).toEqual([loan]);
    expect(best('公积金')).toHaveLength(2);
    expect(best('房提')).toEqual([]);
    // The search reads a word's best articles from the index, not by scanning the table.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT article_id, impact FROM kb_word_impacts WHERE word = '租房' ORDER BY impact DESC LIMIT 40")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING COVERING INDEX kb_word_impacts_best');
    // STRICT, and an impact is positive.
    expect(() => db.prepare("INSERT INTO kb_word_impacts (article_id, word, impact) VALUES (?, '测试', 0)").run(rent)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO kb_word_impacts (article_id, word, impact) VALUES (?, '测试', 'x')").run(rent)).toThrow(/cannot store/);
  });
});
