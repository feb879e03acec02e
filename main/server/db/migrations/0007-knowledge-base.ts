import type { Migration } from '../migrate.js';

// Owner: knowledge-base module: articles, versions, FTS5 index.
// kb_fts is an external-content FTS5 index over kb_articles, kept in step by triggers. The trigram
// tokenizer matches any substring of 3+ characters, which suits Chinese without a word segmenter.
export const m0007KnowledgeBase: Migration = {
  version: 7,
  name: 'knowledge-base',
  up(db) {
    db.exec(`
      CREATE TABLE kb_articles (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL CHECK (category IN ('缴存', '提取', '贷款', '转移接续', '异地', '其他')),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body TEXT NOT NULL,
        -- Space-separated, searched with the title above the body.
        keywords TEXT NOT NULL DEFAULT '',
        effective_from TEXT NOT NULL,
        -- First day no longer in effect; NULL: until further notice.
        expires_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        -- Seed articles from resources/kb, so that a seed is loaded once.
        seed_key TEXT UNIQUE,
        CHECK (expires_at IS NULL OR expires_at > effective_from)
      ) STRICT;
      CREATE INDEX kb_articles_in_effect ON kb_articles (status, effective_from, expires_at);

      -- Every saved state, version 1 included: who changed what, when.
      CREATE TABLE kb_article_versions (
        article_id INTEGER NOT NULL REFERENCES kb_articles(id),
        version INTEGER NOT NULL,
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        keywords TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        expires_at TEXT,
        status TEXT NOT NULL,
        edited_by INTEGER REFERENCES users(id),
        edited_at INTEGER NOT NULL,
        PRIMARY KEY (article_id, version)
      ) STRICT;

      CREATE TABLE kb_views (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES kb_articles(id),
        user_id INTEGER REFERENCES users(id),
        viewed_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX kb_views_by_time ON kb_views (viewed_at, article_id);

      CREATE VIRTUAL TABLE kb_fts USING fts5(title, keywords, body, content='kb_articles', content_rowid='id', tokenize='trigram');
      CREATE TRIGGER kb_articles_ai AFTER INSERT ON kb_articles BEGIN
        INSERT INTO kb_fts (rowid, title, keywords, body) VALUES (new.id, new.title, new.keywords, new.body);
      END;
      CREATE TRIGGER kb_articles_ad AFTER DELETE ON kb_articles BEGIN
        INSERT INTO kb_fts (kb_fts, rowid, title, keywords, body) VALUES ('delete', old.id, old.title, old.keywords, old.body);
      END;
      CREATE TRIGGER kb_articles_au AFTER UPDATE OF title, keywords, body ON kb_articles BEGIN
        INSERT INTO kb_fts (kb_fts, rowid, title, keywords, body) VALUES ('delete', old.id, old.title, old.keywords, old.body);
        INSERT INTO kb_fts (rowid, title, keywords, body) VALUES (new.id, new.title, new.keywords, new.body);
      END;

      -- Trigrams cannot find 2-character words (提取, 贷款), the commonest Chinese queries. This
      -- contentless index holds each article's Han text as overlapping bigrams ("退休 休提 提取"),
      -- written by the repository (SQL cannot split them), rowid = article id.
      CREATE VIRTUAL TABLE kb_bigrams USING fts5(title, keywords, body, content='', contentless_delete=1, tokenize='unicode61');
    `);
  },
};
