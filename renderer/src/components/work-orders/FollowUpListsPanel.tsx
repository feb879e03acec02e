import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_REASONS, type FollowUpListSummary, type FollowUpReason } from '../../../../shared/api/follow-up-lists';
import { useSessionStore } from '../../stores/session-store';
import { ApiError } from '../../services/api-client';
import { routes } from '../../../../shared/api/routes';

/** One number a line, optionally followed by a name: "13900000001 王先生". */
export function parseNumbers(text: string): Array<{ number: string; name?: string }> {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [number, ...name] = line.split(/[\s,，]+/);
      return name.length ? { number: number!, name: name.join(' ') } : { number: number! };
    });
}

/** The team lead's reminder-call lists (§1.2 回访): make one, share it among agents, watch it progress. */
export function FollowUpListsPanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [lists, setLists] = useState<FollowUpListSummary[]>([]);
  const [form, setForm] = useState({ title: '', reason: 'rate_change' as FollowUpReason, script: '', numbers: '', agents: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    api.call(routes.followUpLists.list).then(
      (r) => setLists(r.lists),
      () => setLists([]),
    );
  }, [api]);
  useEffect(load, [load]);

  const create = async () => {
    try {
      const agents = form.agents.split(/[\s,，]+/).filter(Boolean);
      await api.call(routes.followUpLists.create, {
        body: {
          title: form.title,
          reason: form.reason,
          script: form.script,
          entries: parseNumbers(form.numbers),
          ...(agents.length ? { assignTo: agents } : {}),
        },
      });
      setForm({ ...form, title: '', script: '', numbers: '' });
      setError(undefined);
      load();
    } catch (e) {
      setError(t(`followUpLists.errors.${e instanceof ApiError ? e.code : 'unknown'}`, { defaultValue: t('followUpLists.errors.unknown') }));
    }
  };

  return (
    <section className="panel" aria-labelledby="follow-up-lists-heading" data-testid="follow-up-lists">
      <h2 id="follow-up-lists-heading" className="panel__title">
        {t('followUpLists.title')}
      </h2>
      <form
        className="follow-up-lists__form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field field--compact">
          <span>{t('followUpLists.listTitle')}</span>
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </label>
        <label className="field field--compact">
          <span>{t('followUpLists.reason')}</span>
          <select value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value as FollowUpReason })}>
            {FOLLOW_UP_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`followUpLists.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('followUpLists.script')}</span>
          <textarea rows={2} value={form.script} onChange={(e) => setForm({ ...form, script: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('followUpLists.numbers')}</span>
          <textarea rows={3} value={form.numbers} placeholder="13900000001 王先生" onChange={(e) => setForm({ ...form, numbers: e.target.value })} />
        </label>
        <label className="field field--compact">
          <span>{t('followUpLists.assignTo')}</span>
          <input value={form.agents} placeholder="1001, 1002" onChange={(e) => setForm({ ...form, agents: e.target.value })} />
        </label>
        {error && (
          <p className="record__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={!form.title.trim() || !form.numbers.trim()}>
          {t('followUpLists.create')}
        </button>
      </form>
      {lists.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('followUpLists.listTitle')}</th>
              <th>{t('followUpLists.reason')}</th>
              <th>{t('followUpLists.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id} data-testid="follow-up-list">
                <td className="table__title">{l.title}</td>
                <td>{t(`followUpLists.reasons.${l.reason}`)}</td>
                <td>{t('followUpLists.progressOf', { done: l.done, assigned: l.assigned, total: l.total })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
