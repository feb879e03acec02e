import type { TFunction } from 'i18next';
import type { BackupCheck } from '../../../../../shared/api/admin';
import { formatCenterDateTime } from '../../../../../shared/time/format';

/** 12.3 MB / 512 KB: a backup's size as an admin reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_073_741_824) return `${(bytes / 1_073_741_824).toFixed(2)} GB`;
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A copy's last check in a sentence; `state` drives its colour (ok / failed / none). */
export function checkText(t: TFunction, check: BackupCheck | null, timeZone: string): { text: string; state: 'ok' | 'failed' | 'none' } {
  if (!check) return { text: t('adminOps.backups.check.none'), state: 'none' };
  const at = formatCenterDateTime(check.checkedAt, timeZone);
  if (!check.ok) return { text: t('adminOps.backups.check.failed', { at, problem: check.problem ?? '' }), state: 'failed' };
  return { text: t(check.kind === 'written' ? 'adminOps.backups.check.written' : 'adminOps.backups.check.verified', { at }), state: 'ok' };
}

/** The schedule form's own checks, before anything is sent: the field and its sentence key. */
export function scheduleProblem(form: { daily: boolean; dailyAt: string; keep: string }): { field: 'dailyAt' | 'keep'; key: string } | undefined {
  if (form.daily && !/^([01]\d|2[0-3]):[0-5]\d$/.test(form.dailyAt)) return { field: 'dailyAt', key: 'adminOps.backups.errors.time' };
  const keep = Number(form.keep);
  if (!/^\d+$/.test(form.keep.trim()) || keep < 1 || keep > 365) return { field: 'keep', key: 'adminOps.backups.errors.keep' };
  return undefined;
}
