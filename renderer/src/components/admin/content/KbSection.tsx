import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KB_CATEGORIES, KB_STATUSES } from '../../../../../shared/api/knowledge-base';
import { localDateOf } from '../../../../../shared/time/zoned';
import { useAdminKbStore, type KbDraft } from '../../../stores/admin-kb-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { issueSentences, marks } from './form-issues';
import { KbHotList } from './KbHotList';

/** 知识库: find an article, edit it, preview it as agents see it, publish a version; expiry and the pinned hot list. */
export function KbSection() {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const { query, items, article, draft, versions, error, saved, search, open, create, edit, save, loadHot } = useAdminKbStore();
  const [preview, setPreview] = useState(false);
  useEffect(() => {
    void search(query);
    void loadHot();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening the section
  }, []);

  const field = (name: keyof KbDraft) => ({ 'aria-invalid': marks(error, name) || undefined, 'data-testid': `kb-edit-${name}` });

  return (
    <div className="admin-content admin-kb" data-testid="admin-kb">
      <div className="admin-kb__list">
        <div className="admin-content__bar">
          <input
            type="search"
            className="kb__search"
            placeholder={t('adminContent.kb.find')}
            aria-label={t('adminContent.kb.find')}
            data-testid="admin-kb-find"
            value={query}
            onChange={(e) => void search(e.target.value)}
          />
          <button type="button" className="button" data-testid="admin-kb-new" onClick={() => create(localDateOf(Date.now(), timeZone))}>
            {t('adminContent.kb.new')}
          </button>
        </div>
        <ul className="admin-kb__items" aria-label={t('adminContent.kb.articles')}>
          {items.map((a) => (
            <li key={a.id}>
              <button type="button" className={`admin-kb__item ${article?.id === a.id ? 'admin-kb__item--on' : ''}`} onClick={() => void open(a.id)}>
                <span className="admin-kb__title">{a.title}</span>
                <span className="admin-kb__tags">
                  {a.category} · v{a.version} · <span className={`tag tag--${a.status}`}>{t(`adminContent.kb.status.${a.status}`)}</span>
                  {a.status === 'published' && !a.inEffect && <span className="tag tag--expired">{t('adminContent.kb.notInEffect')}</span>}
                  {a.pinnedAt !== null && <span className="tag tag--pinned">{t('adminContent.kb.pinnedAt', { n: a.pinnedAt })}</span>}
                </span>
              </button>
            </li>
          ))}
          {!items.length && <li className="muted">{t('adminContent.kb.none')}</li>}
        </ul>
        <KbHotList />
      </div>

      {draft ? (
        <form className="admin-kb__editor" data-testid="admin-kb-editor" onSubmit={(e) => e.preventDefault()}>
          <div className="admin-content__bar">
            <h3>{article ? t('adminContent.kb.editing', { id: article.id, version: article.version }) : t('adminContent.kb.newTitle')}</h3>
            <label className="admin-content__toggle">
              <input type="checkbox" checked={preview} data-testid="admin-kb-preview" onChange={(e) => setPreview(e.target.checked)} />
              {t('adminContent.kb.preview')}
            </label>
          </div>
          {preview ? (
            <article className="kb kb__article admin-kb__preview" data-testid="admin-kb-preview-pane" aria-label={t('adminContent.kb.previewLabel')}>
              <h3>{draft.title}</h3>
              <div className="kb__meta">
                {draft.category} · {t('kb.effective', { from: draft.effectiveFrom })} · v{article ? article.version + 1 : 1}
              </div>
              <div className="kb__body">{draft.body}</div>
            </article>
          ) : (
            <>
              <label className="field">
                {t('adminContent.fields.title')}
                <input value={draft.title} maxLength={200} onChange={(e) => edit({ title: e.target.value })} {...field('title')} />
              </label>
              <div className="admin-content__row">
                <label className="field">
                  {t('adminContent.fields.category')}
                  <select value={draft.category} onChange={(e) => edit({ category: e.target.value as KbDraft['category'] })} {...field('category')}>
                    {KB_CATEGORIES.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  {t('adminContent.fields.status')}
                  <select value={draft.status} onChange={(e) => edit({ status: e.target.value as KbDraft['status'] })} {...field('status')}>
                    {KB_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`adminContent.kb.status.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  {t('adminContent.fields.effectiveFrom')}
                  <input type="date" value={draft.effectiveFrom} onChange={(e) => edit({ effectiveFrom: e.target.value })} {...field('effectiveFrom')} />
                </label>
                <label className="field">
                  {t('adminContent.fields.expiresAt')}
                  <input type="date" value={draft.expiresAt} onChange={(e) => edit({ expiresAt: e.target.value })} {...field('expiresAt')} />
                </label>
              </div>
              <label className="field">
                {t('adminContent.fields.keywords')}
                <input
                  value={draft.keywords}
                  placeholder={t('adminContent.kb.keywordsHint')}
                  onChange={(e) => edit({ keywords: e.target.value })}
                  {...field('keywords')}
                />
              </label>
              <label className="field">
                {t('adminContent.fields.body')}
                <textarea rows={9} value={draft.body} onChange={(e) => edit({ body: e.target.value })} {...field('body')} />
              </label>
            </>
          )}
          {error && (
            <ul className="admin-content__errors" role="alert" data-testid="admin-kb-error">
              {issueSentences(t, error).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          {saved && (
            <p className="admin-content__ok" role="status" data-testid="admin-kb-saved">
              {t(`adminContent.kb.saved.${saved}`, { version: article?.version })}
            </p>
          )}
          <div className="admin-content__actions">
            <button type="button" className="button" data-testid="admin-kb-save" onClick={() => void save(false)}>
              {t('adminContent.kb.save')}
            </button>
            <button type="button" className="button button--primary" data-testid="admin-kb-publish" onClick={() => void save(true)}>
              {t('adminContent.kb.publish')}
            </button>
          </div>
          {versions.length > 0 && (
            <section aria-label={t('adminContent.kb.versions')}>
              <h4>{t('adminContent.kb.versions')}</h4>
              <table className="admin-content__table" data-testid="admin-kb-versions">
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.version}>
                      <td>v{v.version}</td>
                      <td>{t(`adminContent.kb.status.${v.status}`)}</td>
                      <td>{v.title}</td>
                      <td>{new Date(v.editedAt).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </form>
      ) : (
        <p className="muted admin-kb__editor">{t('adminContent.kb.pick')}</p>
      )}
    </div>
  );
}
