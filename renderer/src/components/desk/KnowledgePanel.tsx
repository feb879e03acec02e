import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbStore } from '../../stores/kb-store';
import { parseHighlight } from '../../services/highlight';

function Highlighted({ html }: { html: string }) {
  return <>{parseHighlight(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}

/** §2.4-6: answers from the knowledge base, searched as the agent types. */
export function KnowledgePanel() {
  const { t } = useTranslation();
  const query = useKbStore((s) => s.query);
  const results = useKbStore((s) => s.results);
  const article = useKbStore((s) => s.article);
  const articleUpdated = useKbStore((s) => s.articleUpdated);
  const hot = useKbStore((s) => s.hot);
  const error = useKbStore((s) => s.error);
  const setQuery = useKbStore((s) => s.setQuery);
  const open = useKbStore((s) => s.open);
  const closeArticle = useKbStore((s) => s.closeArticle);
  const loadHot = useKbStore((s) => s.loadHot);
  useEffect(() => {
    void loadHot();
  }, [loadHot]);

  return (
    <section className="panel kb" aria-labelledby="kb-heading">
      <h2 id="kb-heading" className="panel__title">
        {t('kb.title')}
      </h2>
      <input
        className="kb__search"
        data-testid="kb-search"
        type="search"
        placeholder={t('kb.searchPlaceholder')}
        aria-label={t('kb.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error && (
        <p className="record__error" role="alert">
          {error}
        </p>
      )}
      {article ? (
        <article className="kb__article" data-testid="kb-article">
          <button type="button" className="button button--small" onClick={closeArticle}>
            {t('kb.back')}
          </button>
          {articleUpdated && (
            <p className="kb__updated" role="status">
              {t('kb.updated')}
            </p>
          )}
          <h3>{article.title}</h3>
          <div className="kb__meta">
            {article.category} · {t('kb.effective', { from: article.effectiveFrom })} · v{article.version}
          </div>
          <div className="kb__body">{article.body}</div>
        </article>
      ) : query.trim() ? (
        <ol className="kb__results" data-testid="kb-results">
          {results.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="kb__hit" onClick={() => void open(hit.id)}>
                <span className="kb__hit-title">
                  <Highlighted html={hit.titleHtml} />
                </span>
                <span className="kb__hit-snippet">
                  <Highlighted html={hit.snippetHtml} />
                </span>
                <span className="kb__meta">{hit.category}</span>
              </button>
            </li>
          ))}
          {results.length === 0 && <li className="muted">{t('kb.noResults')}</li>}
        </ol>
      ) : (
        <div className="kb__hot">
          <div className="script__label">{t('kb.hot')}</div>
          {hot.length === 0 && <p className="muted">{t('kb.noHot')}</p>}
          <ol>
            {hot.map((item) => (
              <li key={item.id}>
                <button type="button" className="link" onClick={() => void open(item.id)}>
                  {item.title}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
