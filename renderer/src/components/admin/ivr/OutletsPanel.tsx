import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import type { ContentOutlet, CreateOutletRequest } from '../../../../../shared/api/self-service-content';
import { useSessionStore } from '../../../stores/session-store';
import { askConfirm } from '../../../stores/confirm-store';
import { ivrError } from './ivr-errors';
import { PromptPlayer } from './PromptPlayer';

type Form = Omit<CreateOutletRequest, 'slotCapacity'> & { slotCapacity: string };
const EMPTY: Form = { code: '', name: '', district: '', address: '', hours: '', phone: '', slotCapacity: '4' };
const TEXT_FIELDS = ['name', 'district', 'address', 'hours', 'phone'] as const;

/** 网点: list, edit, add, remove; the IVR reads districts, then name, address, hours and phone. */
export function OutletsPanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [list, setList] = useState<{ editable: boolean; outlets: ContentOutlet[] }>();
  const [chosen, setChosen] = useState<string | 'new'>();
  const [form, setForm] = useState<Form>(EMPTY);
  const [failure, setError] = useState<unknown>();
  const error = failure === undefined ? undefined : ivrError(t, failure);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  const load = () => api.call(routes.ivr.outlets).then(setList, (e: unknown) => setError(e));
  useEffect(() => void load(), [api]); // eslint-disable-line react-hooks/exhaustive-deps -- first load; later ones follow a save
  const choose = (o: ContentOutlet | 'new') => {
    setError(undefined);
    setDone(undefined);
    setChosen(o === 'new' ? 'new' : o.code);
    setForm(o === 'new' ? EMPTY : { ...o, slotCapacity: String(o.slotCapacity) });
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { code, ...rest } = form;
      const body = { ...rest, slotCapacity: Number(form.slotCapacity) };
      const saved =
        chosen === 'new'
          ? await api.call(routes.ivr.createOutlet, { body: { ...body, code } })
          : await api.call(routes.ivr.updateOutlet, { params: { code: chosen! }, body });
      setChosen(saved.code);
      setDone(t('adminIvr.content.saved'));
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (o: ContentOutlet) => {
    const ok = await askConfirm({
      title: t('adminIvr.content.removeTitle'),
      message: t('adminIvr.content.removeOutlet', { name: o.name }),
      confirmLabel: t('adminIvr.content.remove'),
      cancelLabel: t('adminIvr.cancel'),
      danger: true,
    });
    if (!ok) return;
    await api.call(routes.ivr.deleteOutlet, { params: { code: o.code } }).then(
      () => (setChosen(undefined), load()),
      (e: unknown) => setError(e),
    );
  };
  const marked = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'outlet-error' } : {});
  const current = list?.outlets.find((o) => o.code === chosen);
  const input = (field: keyof Form, type = 'text') => (
    <label className="field">
      <span>{t(`adminIvr.content.fields.${field}`)}</span>
      <input
        type={type}
        value={form[field]}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        data-testid={`outlet-${field}`}
        {...marked(field)}
      />
    </label>
  );

  return (
    <div className="ivr-content">
      <div className="ivr-content__list panel">
        <div className="ivr-toolbar">
          {list?.editable && (
            <button type="button" className="button button--small" onClick={() => choose('new')} data-testid="outlet-add">
              {t('adminIvr.content.addOutlet')}
            </button>
          )}
          {list && !list.editable && <span className="muted">{t('adminIvr.content.external')}</span>}
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{t('adminIvr.content.fields.code')}</th>
              <th>{t('adminIvr.content.fields.name')}</th>
              <th>{t('adminIvr.content.fields.district')}</th>
              <th>{t('adminIvr.content.fields.address')}</th>
              <th>{t('adminIvr.content.speech')}</th>
            </tr>
          </thead>
          <tbody>
            {list?.outlets.map((o) => (
              <tr key={o.code} className={o.code === chosen ? 'table__row--on' : ''} onClick={() => choose(o)} data-testid={`outlet-row-${o.code}`}>
                <td>{o.code}</td>
                <td className="table__title">{o.name}</td>
                <td>{o.district}</td>
                <td className="table__title ivr-grow" title={o.address}>
                  {o.address}
                </td>
                <td>{t(o.spokenPrompt ? 'adminIvr.content.spoken' : 'adminIvr.content.recorded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && list?.editable && (
        <section className="ivr-editor panel" data-testid="outlet-editor">
          <header className="ivr-editor__head">
            <h2>{chosen === 'new' ? t('adminIvr.content.addOutlet') : form.name}</h2>
            {current?.spokenPrompt && <PromptPlayer promptId={current.spokenPrompt} version={current.spokenPrompt} />}
          </header>
          {chosen === 'new' && input('code')}
          {TEXT_FIELDS.map((f) => (
            <div key={f}>{input(f)}</div>
          ))}
          {input('slotCapacity', 'number')}
          <div className="ivr-editor__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()} data-testid="outlet-save">
              {busy ? t('adminIvr.making') : t('adminIvr.content.save')}
            </button>
            {current && (
              <button type="button" className="button button--ghost" onClick={() => void remove(current)}>
                {t('adminIvr.content.remove')}
              </button>
            )}
          </div>
          {error && (
            <p className="field__error" role="alert" id="outlet-error" data-testid="outlet-error">
              {error.text}
            </p>
          )}
          {done && !error && (
            <p className="ivr-editor__done" role="status" data-testid="outlet-done">
              {done}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
