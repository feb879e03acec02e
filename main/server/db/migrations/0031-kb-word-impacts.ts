import type { Migration } from '../migrate.js';
import { wordImpacts } from '../../knowledge-base/word-impacts.js';

// Owner: knowledge base. Impact-ordered postings for search (issue 17): each word of each article
// with its bm25 impact (word-impacts.ts). A common word (贷款, 提取) is in thousands of articles
// and FTS5's bm25() scores every one (~0.7 µs each, 87 % of the search's time); read from the
// (word, impact) index, a word's best articles come first and the search stops after a few
// hundred. Written by the repository next to kb_words, filled here from the existing articles.
export const m0031KbWordImpacts: Migration = {
  version: 31,
  name: 'kb-word-impacts',
  up(db) {
    db.exec(`
      CREATE TABLE kb_word_impacts (
        article_id INTEGER NOT NULL REFERENCES kb_articles (id),
        word TEXT NOT NULL,
        impact REAL NOT NULL CHECK (impact > 0),
        PRIMARY KEY (article_id, word)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX kb_word_impacts_best ON kb_word_impacts (word, impact DESC);
    `);
    const insert = db.prepare<[number, string, number]>('INSERT INTO kb_word_impacts (article_id, word, impact) VALUES (?, ?, ?)');
    const articles = db.prepare<[], { id: number; title: string; keywords: string; body: string }>('SELECT id, title, keywords, body FROM kb_articles');
    for (const a of articles.all()) for (const [word, impact] of wordImpacts(a.title, a.keywords, a.body)) insert.run(a.id, word, impact);
  },
};
