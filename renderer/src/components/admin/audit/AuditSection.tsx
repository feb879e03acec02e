import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntryView } from '../../../../../shared/api/audit';
import { AUDIT_PAGE_SIZE, useAuditStore } from '../../../stores/audit-store';
import { useUsersStore } from '../../../stores/users-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { formatCenterDateTime } from '../../../../../shared/time/format';
import { adminErrorText } from '../people-form';
import '../people.css';

/** The action families the filter offers (an action's first part: user.create is in user). */
export const AUDIT_FAMILIES = [
  'auth',
  'user',
  'department',
  'wrap_up',
  'work_order',
  'caller',
  'call',
  'supervision',
  'recording',
  'calendar',
  'admin',
] as const;

/** An action in words: 新建用户; an action this desk has no words for shows as the server names it. */
export const actionText = (t: TFunction, action: string) => t(`adminPeople.audit.actions.${action}`, { defaultValue: action });

/** The object acted on: 用户 #17; a type this desk has no word for shows as the server names it. */
export const entityText = (t: TFunction, e: Pick<AuditEntryView, 'entityType' | 'entityId'>) => {
  const type = t(`adminPeople.audit.entities.${e.entityType}`, { defaultValue: e.entityType });
  return e.entityId ? `${type} #${e.entityId}` : type;
};

/** The detail, short: key=value, secrets never reach it (the server drops them). */
export const detailText = (detail: AuditEntryView['detail']) =>
  detail
    ? Object.entries(detail)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join('  ')
    : '';

/** 审计日志: who did what and when, newest first, filtered by user, action and days, a page at a time. */
export function AuditSection() {
  const { t } = useTranslation();
  const { filter, entries, hasMore, offset, loading, error } = useAuditStore();
  const users = useUsersStore((s) => s.users);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [rangeError, setRangeError] = useState(false);

  useEffect(() => {
    void useUsersStore.getState().load();
    void useAuditStore.getState().load();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const backwards = !!filter.from && !!filter.to && filter.to < filter.from;
    setRangeError(backwards);
    if (!backwards) void useAuditStore.getState().load();
  };
  const set = useAuditStore.getState().setFilter;

  return (
    <div className="people-section" data-testid="audit-section">
      <header className="people-section__head">
        <h2>{t('adminPeople.audit.title')}</h2>
      </header>
      <form className="people-form people-form--filter" onSubmit={onSubmit} noValidate aria-label={t('adminPeople.audit.filter')}>
        <label className="field field--compact">
          <span>{t('adminPeople.audit.user')}</span>
          <select name="actorUserId" aria-label={t('adminPeople.audit.user')} value={filter.actorUserId} onChange={(e) => set({ actorUserId: e.target.value })}>
            <option value="">{t('adminPeople.audit.anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.workNumber} {u.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--compact">
          <span>{t('adminPeople.audit.action')}</span>
          <select name="action" aria-label={t('adminPeople.audit.action')} value={filter.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">{t('adminPeople.audit.anyAction')}</option>
            {AUDIT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`adminPeople.audit.families.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--compact">
          <span>{t('adminPeople.audit.from')}</span>
          <input type="date" name="from" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="field field--compact">
          <span>{t('adminPeople.audit.to')}</span>
          <input
            type="date"
            name="to"
            value={filter.to}
            onChange={(e) => set({ to: e.target.value })}
            aria-invalid={rangeError || undefined}
            aria-describedby={rangeError ? 'audit-error-to' : undefined}
          />
          {rangeError && (
            <span className="field__error" id="audit-error-to" role="alert">
              {t('adminPeople.audit.toBeforeFrom')}
            </span>
          )}
        </label>
        <div className="people-form__buttons">
          <button type="submit" className="button button--primary" disabled={loading}>
            {t('adminPeople.audit.search')}
          </button>
        </div>
      </form>
      {error && (
        <p className="field__error" role="alert">
          {adminErrorText(t, error.error)}
        </p>
      )}
      <table className="table people-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('adminPeople.audit.at')}</th>
            <th>{t('adminPeople.audit.user')}</th>
            <th>{t('adminPeople.audit.action')}</th>
            <th>{t('adminPeople.audit.entity')}</th>
            <th>{t('adminPeople.audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{formatCenterDateTime(e.at, timeZone)}</td>
              <td>{e.actorWorkNumber ? `${e.actorWorkNumber} ${e.actorName ?? ''}` : t('adminPeople.audit.system')}</td>
              <td>{actionText(t, e.action)}</td>
              <td>{entityText(t, e)}</td>
              <td className="people-table__detail" title={detailText(e.detail)}>
                {detailText(e.detail)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && <p className="muted">{t('adminPeople.audit.none')}</p>}
      <nav className="people-pager" aria-label={t('adminPeople.audit.pages')}>
        <button type="button" className="button button--small" disabled={offset === 0 || loading} onClick={() => void useAuditStore.getState().previousPage()}>
          {t('adminPeople.audit.previous')}
        </button>
        <span className="muted">{t('adminPeople.audit.page', { page: Math.floor(offset / AUDIT_PAGE_SIZE) + 1 })}</span>
        <button type="button" className="button button--small" disabled={!hasMore || loading} onClick={() => void useAuditStore.getState().nextPage()}>
          {t('adminPeople.audit.next')}
        </button>
      </nav>
    </div>
  );
}
