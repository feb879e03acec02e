import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 26: kb-word-index', () => {
  it('indexes the existing articles by jieba words, searchable by a word and not by a piece of one', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 25);
    const insert = db.prepare(
      "INSERT INTO kb_articles (category, title, body, keywords, effective_from, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01', 'published', 1, 0, 0)",
    );
    const rent = insert.run('提取', '租房提取住房公积金', '无房职工租房的，可按月提取。', '租房提取').lastInsertRowid;
    const loan = insert.run('贷款', '住房公积金贷款额度怎么计算', '贷款额度按账户余额的倍数计算。', '贷款额度').lastInsertRowid;
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'kb_words'").pluck().get()).toBe(0);
    migrate(db, MIGRATIONS, 26);
    const match = (q: string) => db.prepare('SELECT rowid FROM kb_words WHERE kb_words MATCH ? ORDER BY rowid').pluck().all(q);
    expect(match('"租房"')).toEqual([rent]);
    expect(match('"提取"')).toEqual([rent]);
    // Search mode: the long word and the words inside it.
    expect(match('"贷款额度"')).toEqual([loan]);
    expect(match('"额度"')).toEqual([loan]);
    expect(match('"公积金"')).toEqual([rent, loan]);
    expect(match('{title} : "计算"')).toEqual([loan]);
    // A word is a token: no piece across two words ("房提" of 租房提取).
    expect(match('"房提"')).toEqual([]);
    // Contentless with delete: the repository rewrites a row when the article changes.
    db.prepare('DELETE FROM kb_words WHERE rowid = ?').run(rent);
    expect(match('"租房"')).toEqual([]);
  });
});
