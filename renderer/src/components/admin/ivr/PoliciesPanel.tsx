import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import { POLICY_CATEGORIES } from '../../../../../shared/api/gateway';
import type { ContentPolicy, PolicyRequest } from '../../../../../shared/api/self-service-content';
import { useSessionStore } from '../../../stores/session-store';
import { askConfirm } from '../../../stores/confirm-store';
import { ivrError } from './ivr-errors';
import { PromptPlayer } from './PromptPlayer';

const EMPTY: PolicyRequest = { category: '其他', title: '', summary: '', body: '', effectiveFrom: '' };

/** 政策: list, edit, add, remove; what the IVR reads is the title and the summary. */
export function PoliciesPanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [list, setList] = useState<{ editable: boolean; policies: ContentPolicy[] }>();
  const [chosen, setChosen] = useState<string | 'new'>();
  const [form, setForm] = useState<PolicyRequest>(EMPTY);
  const [failure, setError] = useState<unknown>();
  const error = failure === undefined ? undefined : ivrError(t, failure);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  const load = () => api.call(routes.ivr.policies).then(setList, (e: unknown) => setError(e));
  useEffect(() => void load(), [api]); // eslint-disable-line react-hooks/exhaustive-deps -- first load; later ones follow a save
  const choose = (p: ContentPolicy | 'new') => {
    setError(undefined);
    setDone(undefined);
    setChosen(p === 'new' ? 'new' : p.id);
    setForm(p === 'new' ? EMPTY : { category: p.category, title: p.title, summary: p.summary, body: p.body, effectiveFrom: p.effectiveFrom });
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved =
        chosen === 'new'
          ? await api.call(routes.ivr.createPolicy, { body: form })
          : await api.call(routes.ivr.updatePolicy, { params: { id: Number(chosen) }, body: form });
      setChosen(saved.id);
      setDone(t('adminIvr.content.saved'));
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (p: ContentPolicy) => {
    const ok = await askConfirm({
      title: t('adminIvr.content.removeTitle'),
      message: t('adminIvr.content.removePolicy', { title: p.title }),
      confirmLabel: t('adminIvr.content.remove'),
      cancelLabel: t('adminIvr.cancel'),
      danger: true,
    });
    if (!ok) return;
    await api.call(routes.ivr.deletePolicy, { params: { id: Number(p.id) } }).then(
      () => (setChosen(undefined), load()),
      (e: unknown) => setError(e),
    );
  };
  const marked = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'policy-error' } : {});
  const current = list?.policies.find((p) => p.id === chosen);
  const input = (field: 'title' | 'effectiveFrom', type = 'text') => (
    <label className="field">
      <span>{t(`adminIvr.content.fields.${field}`)}</span>
      <input
        type={type}
        value={form[field]}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        data-testid={`policy-${field}`}
        {...marked(field)}
      />
    </label>
  );

  return (
    <div className="ivr-content">
      <div className="ivr-content__list panel">
        <div className="ivr-toolbar">
          {list?.editable && (
            <button type="button" className="button button--small" onClick={() => choose('new')} data-testid="policy-add">
              {t('adminIvr.content.addPolicy')}
            </button>
          )}
          {list && !list.editable && <span className="muted">{t('adminIvr.content.external')}</span>}
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{t('adminIvr.content.fields.category')}</th>
              <th>{t('adminIvr.content.fields.title')}</th>
              <th>{t('adminIvr.content.fields.summary')}</th>
              <th>{t('adminIvr.content.speech')}</th>
            </tr>
          </thead>
          <tbody>
            {list?.policies.map((p) => (
              <tr key={p.id} className={p.id === chosen ? 'table__row--on' : ''} onClick={() => choose(p)} data-testid={`policy-row-${p.id}`}>
                <td>{p.category}</td>
                <td className="table__title">{p.title}</td>
                <td className="table__title ivr-grow" title={p.summary}>
                  {p.summary}
                </td>
                <td>{t(p.spokenPrompt ? 'adminIvr.content.spoken' : 'adminIvr.content.recorded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && list?.editable && (
        <section className="ivr-editor panel" data-testid="policy-editor">
          <header className="ivr-editor__head">
            <h2>{chosen === 'new' ? t('adminIvr.content.addPolicy') : form.title}</h2>
            {current?.spokenPrompt && <PromptPlayer promptId={current.spokenPrompt} version={current.spokenPrompt} />}
          </header>
          <div className="ivr-editor__row">
            <label className="field">
              <span>{t('adminIvr.content.fields.category')}</span>
              <select
                value={form.category}
                onChange={(e) => setForm({ ...form, category: e.target.value as PolicyRequest['category'] })}
                {...marked('category')}
              >
                {POLICY_CATEGORIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            {input('effectiveFrom', 'date')}
          </div>
          {input('title')}
          <label className="field">
            <span>{t('adminIvr.content.fields.summary')}</span>
            <textarea
              rows={3}
              value={form.summary}
              onChange={(e) => setForm({ ...form, summary: e.target.value })}
              data-testid="policy-summary"
              {...marked('summary')}
            />
          </label>
          <label className="field">
            <span>{t('adminIvr.content.fields.body')}</span>
            <textarea rows={4} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} {...marked('body')} />
          </label>
          <div className="ivr-editor__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()} data-testid="policy-save">
              {busy ? t('adminIvr.making') : t('adminIvr.content.save')}
            </button>
            {current && (
              <button type="button" className="button button--ghost" onClick={() => void remove(current)}>
                {t('adminIvr.content.remove')}
              </button>
            )}
          </div>
          {error && (
            <p className="field__error" role="alert" id="policy-error">
              {error.text}
            </p>
          )}
          {done && !error && (
            <p className="ivr-editor__done" role="status">
              {done}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
