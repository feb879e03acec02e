import type { Migration } from '../migrate.js';
import { wordText } from '../../knowledge-base/word-segmenter.js';

// Owner: knowledge base. A word index for search (issue 17): each article's title, keywords and
// body segmented into Chinese words by jieba and indexed by unicode61, rowid = article id. Common
// queries (贷款, 租房 提取) match thousands of articles by trigram or bigram and bm25 then scores
// them all; words are fewer and more telling pieces. Contentless, written by the repository (SQL
// cannot segment), filled here from the existing articles.
export const m0026KbWordIndex: Migration = {
  version: 26,
  name: 'kb-word-index',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE kb_words USING fts5(title, keywords, body, content='', contentless_delete=1, tokenize='unicode61')`);
    const insert = db.prepare<[number, string, string, string]>('INSERT INTO kb_words (rowid, title, keywords, body) VALUES (?, ?, ?, ?)');
    const articles = db.prepare<[], { id: number; title: string; keywords: string; body: string }>('SELECT id, title, keywords, body FROM kb_articles');
    for (const a of articles.all()) insert.run(a.id, wordText(a.title), wordText(a.keywords), wordText(a.body));
  },
};
