import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupListResponse, BackupResponse } from '../../../../../shared/api/admin';
import { routes } from '../../../../../shared/api/routes';
import { formatCenterDateTime } from '../../../../../shared/time/format';
import { useSessionStore } from '../../../stores/session-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { ApiError } from '../../../services/api-client';
import { errorField, errorText } from '../../../services/api-error-text';
import { checkText, formatBytes, scheduleProblem } from './backup-text';

type Busy = 'run' | 'save' | `verify:${string}` | undefined;

/** 系统管理 › 备份: back up now, the daily schedule, the copies with their check, verify one. Restore is a drill, not a button. */
export function BackupsSection() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [data, setData] = useState<BackupListResponse>();
  const [busy, setBusy] = useState<Busy>();
  // A sentence made at render time, so that a language switch re-reads it.
  const [message, setMessage] = useState<(t: TFunction) => string>();
  const [error, setError] = useState<{ text: string; field?: string | undefined }>();
  const [form, setForm] = useState({ daily: false, dailyAt: '02:00', keep: '14' });

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) throw e;
    setError({ text: t(`adminOps.backups.errors.${e.code}`, { defaultValue: errorText(t, e) }), field: errorField(e) });
  };
  const load = useCallback(async () => {
    const list = await api.call(routes.admin.backups);
    setData(list);
    return list;
  }, [api]);
  useEffect(() => {
    api.call(routes.admin.backups).then(
      (list) => {
        setData(list);
        setForm({ daily: list.schedule.dailyAt !== null, dailyAt: list.schedule.dailyAt ?? '02:00', keep: String(list.schedule.keep) });
      },
      (e: unknown) => setError({ text: e instanceof ApiError ? errorText(t, e) : String(e) }),
    );
  }, [api, t]);

  const act = async (what: Busy, work: () => Promise<(t: TFunction) => string>) => {
    setBusy(what);
    setError(undefined);
    setMessage(undefined);
    try {
      const sentence = await work();
      setMessage(() => sentence);
      await load();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(undefined);
    }
  };
  const runNow = () =>
    act('run', async () => {
      const done: BackupResponse = await api.call(routes.admin.backup);
      return (tr: TFunction) => {
        const text = tr('adminOps.backups.done', { file: done.file, size: formatBytes(done.bytes), seconds: (done.ms / 1000).toFixed(1) });
        return done.removed.length ? `${text} · ${tr('adminOps.backups.removed', { count: done.removed.length })}` : text;
      };
    });
  const save = () => {
    const problem = scheduleProblem(form);
    if (problem) return setError({ text: t(problem.key), field: problem.field });
    return act('save', async () => {
      await api.call(routes.admin.backupSchedule, { body: { dailyAt: form.daily ? form.dailyAt : null, keep: Number(form.keep) } });
      return (tr: TFunction) => tr('adminOps.backups.saved');
    });
  };
  const verify = (file: string) =>
    act(`verify:${file}`, async () => {
      const result = await api.call(routes.admin.verifyBackup, { params: { file } });
      return (tr: TFunction) => `${result.file}: ${checkText(tr, result, timeZone).text}`;
    });

  return (
    <div className="admin-ops" data-testid="backups-section">
      <h2 className="panel__title">{t('adminOps.backups.title')}</h2>
      <p className="muted">{t('adminOps.backups.intro')}</p>
      <div className="admin-ops__row">
        <button type="button" className="button button--primary" disabled={busy !== undefined} onClick={() => void runNow()} data-testid="backup-run">
          {busy === 'run' ? t('adminOps.backups.running') : t('adminOps.backups.runNow')}
        </button>
      </div>
      {message && (
        <p className="admin-ops__ok" role="status" data-testid="backup-message">
          {message(t)}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid="backup-error">
          {error.text}
        </p>
      )}

      <form className="admin-ops__form" aria-labelledby="backup-schedule-heading" noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
        <h3 id="backup-schedule-heading">{t('adminOps.backups.schedule')}</h3>
        <label className="record__check">
          <input type="checkbox" checked={form.daily} onChange={(e) => setForm({ ...form, daily: e.target.checked })} data-testid="backup-daily" />
          {t('adminOps.backups.daily')}
        </label>
        <label className="field field--compact">
          <span>{t('adminOps.backups.dailyAt')}</span>
          <input
            type="time"
            value={form.dailyAt}
            disabled={!form.daily}
            aria-invalid={error?.field === 'dailyAt' || undefined}
            onChange={(e) => setForm({ ...form, dailyAt: e.target.value })}
            data-testid="backup-daily-at"
          />
        </label>
        <label className="field field--compact">
          <span>{t('adminOps.backups.keep')}</span>
          <input
            type="number"
            min={1}
            max={365}
            value={form.keep}
            aria-invalid={error?.field === 'keep' || undefined}
            onChange={(e) => setForm({ ...form, keep: e.target.value })}
            data-testid="backup-keep"
          />
        </label>
        <button type="submit" className="button" disabled={busy !== undefined} data-testid="backup-save-schedule">
          {t('adminOps.backups.save')}
        </button>
        {data && (
          <p className="muted admin-ops__wide" data-testid="backup-next">
            {data.schedule.nextRunAt ? t('adminOps.backups.next', { at: formatCenterDateTime(data.schedule.nextRunAt, timeZone) }) : t('adminOps.backups.off')}
            {data.schedule.lastRunAt && ` · ${t('adminOps.backups.last', { at: formatCenterDateTime(data.schedule.lastRunAt, timeZone) })}`}
          </p>
        )}
      </form>

      <h3>{t('adminOps.backups.list')}</h3>
      {data && <BackupTable data={data} timeZone={timeZone} busy={busy} onVerify={(file) => void verify(file)} />}
      <p className="admin-ops__note" data-testid="backup-restore-note">
        {t('adminOps.backups.restore')}
      </p>
    </div>
  );
}

/** The copies, newest first, with their check and a 校验 button each. */
export function BackupTable({ data, timeZone, busy, onVerify }: { data: BackupListResponse; timeZone: string; busy?: Busy; onVerify(file: string): void }) {
  const { t } = useTranslation();
  if (data.backups.length === 0) return <p className="muted">{t('adminOps.backups.empty')}</p>;
  return (
    <table className="table" data-testid="backup-table">
      <thead>
        <tr>
          <th>{t('adminOps.backups.columns.file')}</th>
          <th>{t('adminOps.backups.columns.size')}</th>
          <th>{t('adminOps.backups.columns.writtenAt')}</th>
          <th>{t('adminOps.backups.columns.check')}</th>
          <th>{t('adminOps.backups.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {data.backups.map((b) => {
          const check = checkText(t, b.check, timeZone);
          return (
            <tr key={b.file} data-testid="backup-row" data-file={b.file} data-check={check.state}>
              <td>
                <code>{b.file}</code>
              </td>
              <td>{formatBytes(b.bytes)}</td>
              <td>{formatCenterDateTime(b.writtenAt, timeZone)}</td>
              <td className={`admin-ops__check admin-ops__check--${check.state}`} data-testid="backup-check">
                {check.text}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={busy !== undefined}
                  onClick={() => onVerify(b.file)}
                  data-testid="backup-verify"
                >
                  {busy === `verify:${b.file}` ? t('adminOps.backups.verifying') : t('adminOps.backups.verify')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
