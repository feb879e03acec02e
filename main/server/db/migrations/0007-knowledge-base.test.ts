import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 7: knowledge-base', () => {
  it('upgrades a version-6 database with articles, versions and a trigram index kept in step', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 6);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'kb_%'").pluck().get()).toBe(0);
    migrate(db, MIGRATIONS, 7);
    const insert = db.prepare(
      "INSERT INTO kb_articles (category, title, body, keywords, effective_from, expires_at, status, version, created_at, updated_at) VALUES (?, ?, ?, '', '2025-01-01', ?, 'published', 1, 0, 0)",
    );
    insert.run('提取', '租房提取住房公积金', '无房职工租房可以提取', null);
    const match = (q: string) => db.prepare('SELECT rowid FROM kb_fts WHERE kb_fts MATCH ?').pluck().all(q);
    expect(match('"租房提取"')).toEqual([1]);
    db.prepare("UPDATE kb_articles SET title = '退休提取', body = '退休后销户提取' WHERE id = 1").run();
    expect(match('"租房提取"')).toEqual([]);
    expect(match('"销户提取"')).toEqual([1]);
    db.prepare("INSERT INTO kb_bigrams (rowid, title, keywords, body) VALUES (1, '退休 休提 提取', '', '销户 户提 提取')").run();
    expect(db.prepare('SELECT rowid FROM kb_bigrams WHERE kb_bigrams MATCH ?').pluck().all('"提取"')).toEqual([1]);
    db.prepare('DELETE FROM kb_bigrams WHERE rowid = 1').run();
    expect(db.prepare('SELECT rowid FROM kb_bigrams WHERE kb_bigrams MATCH ?').pluck().all('"提取"')).toEqual([]);
    expect(() => insert.run('理财', 't', 'b', null)).toThrow(/CHECK/);
    expect(() => insert.run('提取', 't', 'b', '2024-12-31')).toThrow(/CHECK/); // expires before it starts
    expect(() => db.prepare('INSERT INTO kb_views (article_id, viewed_at) VALUES (99, 0)').run()).toThrow(/FOREIGN KEY/);
  });
});
