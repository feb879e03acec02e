import { useTranslation } from 'react-i18next';
import { useAdminKbStore } from '../../../stores/admin-kb-store';

/** 热点 as agents see it: the pinned articles (置顶) in the admin's order, then the most opened of the week. */
export function KbHotList() {
  const { t } = useTranslation();
  const { hot, article, setPins } = useAdminKbStore();
  const pinned = hot.filter((h) => h.pinned).map((h) => h.id);
  const move = (id: number, by: -1 | 1) => {
    const i = pinned.indexOf(id);
    const next = [...pinned];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    void setPins(next);
  };
  const canPin = article && article.status === 'published' && article.inEffect && !pinned.includes(article.id);
  return (
    <section className="admin-kb__hot" aria-label={t('adminContent.kb.hot')} data-testid="admin-kb-hot">
      <div className="admin-content__bar">
        <h4>{t('adminContent.kb.hot')}</h4>
        {canPin && (
          <button type="button" className="button button--small" data-testid="admin-kb-pin" onClick={() => void setPins([...pinned, article.id])}>
            {t('adminContent.kb.pin')}
          </button>
        )}
      </div>
      <ol>
        {hot.map((h) => (
          <li key={h.id} className={h.pinned ? 'admin-kb__hot-pinned' : undefined}>
            <span>
              {h.title}
              {h.pinned && <span className="tag tag--pinned">{t('adminContent.kb.pinned')}</span>}
            </span>
            {h.pinned ? (
              <span className="admin-kb__hot-actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('adminContent.kb.up')}
                  disabled={pinned[0] === h.id}
                  onClick={() => move(h.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('adminContent.kb.down')}
                  disabled={pinned.at(-1) === h.id}
                  onClick={() => move(h.id, 1)}
                >
                  ↓
                </button>
                <button type="button" className="button button--small" onClick={() => void setPins(pinned.filter((p) => p !== h.id))}>
                  {t('adminContent.kb.unpin')}
                </button>
              </span>
            ) : (
              <span className="muted">{t('adminContent.kb.views', { n: h.views })}</span>
            )}
          </li>
        ))}
        {!hot.length && <li className="muted">{t('adminContent.kb.noHot')}</li>}
      </ol>
    </section>
  );
}
