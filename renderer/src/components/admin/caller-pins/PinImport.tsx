import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import type { ImportPinsResponse } from '../../../../../shared/api/verification';
import { useSessionStore } from '../../../stores/session-store';
import { ApiError } from '../../../services/api-client';
import { errorText } from '../../../services/api-error-text';
import { maskTail, parseImportFile, type ParsedImportFile } from './pin-import-file';

export interface RefusedRow {
  line: number;
  subject: string;
  reason: string;
}

/** The rows not stored, by line in the file: refused by the file check here or by the server. */
export function refusedRows(file: ParsedImportFile, result: ImportPinsResponse | undefined): RefusedRow[] {
  const local = file.problems.map((p) => ({ line: p.line, subject: maskTail(p.subjectId), reason: p.reason }));
  const remote = (result?.refused ?? []).map((r) => ({
    line: file.lines[r.index] ?? r.index + 1,
    subject: maskTail(file.items[r.index]?.subjectId ?? ''),
    reason: r.reason,
  }));
  return [...local, ...remote].sort((a, b) => a.line - b.line);
}

/** 批量导入: the old system's salted hashes from a file; each refused row is listed with its reason. */
export function PinImport() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [file, setFile] = useState<ParsedImportFile>();
  const [result, setResult] = useState<ImportPinsResponse>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const choose = async (chosen: File | undefined) => {
    setResult(undefined);
    setError(undefined);
    setFile(chosen ? parseImportFile(await chosen.text()) : undefined);
  };
  const send = async () => {
    if (!file || file.items.length === 0) return;
    setBusy(true);
    try {
      setResult(await api.call(routes.callerPins.import, { body: { items: file.items } }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(t(`adminOps.pins.errors.${e.code}`, { defaultValue: errorText(t, e) }));
    } finally {
      setBusy(false);
    }
  };
  const refused = file && (result || file.problems.length > 0) ? refusedRows(file, result) : [];

  return (
    <section className="admin-ops__form" aria-labelledby="pin-import-heading" data-testid="pin-import">
      <h3 id="pin-import-heading" className="admin-ops__wide">
        {t('adminOps.pins.import')}
      </h3>
      <p className="muted admin-ops__wide">{t('adminOps.pins.importIntro')}</p>
      <label className="field field--compact">
        <span>{t('adminOps.pins.file')}</span>
        <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void choose(e.target.files?.[0])} data-testid="pin-import-file" />
      </label>
      <div>
        <button type="button" className="button" disabled={busy || !file || file.items.length === 0} onClick={() => void send()} data-testid="pin-import-send">
          {busy ? t('adminOps.pins.importing') : t('adminOps.pins.importButton')}
        </button>
      </div>
      {file?.error && (
        <p className="field__error admin-ops__wide" role="alert">
          {t(`adminOps.pins.fileErrors.${file.error}`)}
        </p>
      )}
      {file && !file.error && !result && <p className="muted admin-ops__wide">{t('adminOps.pins.fileRows', { count: file.items.length })}</p>}
      {error && (
        <p className="field__error admin-ops__wide" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="admin-ops__ok admin-ops__wide" role="status" data-testid="pin-import-result">
          {t('adminOps.pins.imported', { imported: result.imported, refused: refused.length })}
        </p>
      )}
      {refused.length > 0 && (
        <table className="table admin-ops__wide" data-testid="pin-import-refused" aria-label={t('adminOps.pins.refusedTitle')}>
          <thead>
            <tr>
              <th>{t('adminOps.pins.row')}</th>
              <th>{t('adminOps.pins.subject')}</th>
              <th>{t('adminOps.pins.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {refused.map((r) => (
              <tr key={`${r.line}-${r.reason}`}>
                <td>{r.line}</td>
                <td>{r.subject || '—'}</td>
                <td>{t(`adminOps.pins.reasons.${r.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
