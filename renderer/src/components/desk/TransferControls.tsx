import { useEffect, useState } from 'react';
import type { Department } from '../../../../shared/api/departments';
import { routes } from '../../../../shared/api/routes';
import { useSessionStore } from '../../stores/session-store';
import { useTranslation } from 'react-i18next';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useTransferStore } from '../../stores/transfer-store';
import { ApiError } from '../../services/api-client';
import { transferToIvr } from '../../services/call-handoffs';

/**
 * Passing the caller on (an inbound caller, or the citizen of a follow-up call): to a colleague (转接: handed over as they answer; 咨询: talk to them first,
 * then 完成转接, 三方通话 or 返回来电人) while the caller holds with music, or back to self-service.
 * A colleague who cannot take it is refused before anything changes; one who does not answer
 * returns the caller to this agent. Each outcome is a sentence on the card.
 */
export function TransferControls() {
  const { t } = useTranslation();
  const [colleague, setColleague] = useState('');
  const callState = useSoftphoneStore((s) => s.callState);
  const call = useSoftphoneStore((s) => s.call);
  const stage = useTransferStore((s) => s.stage);
  const mode = useTransferStore((s) => s.mode);
  const reason = useTransferStore((s) => s.reason);
  const error = useTransferStore((s) => s.error);
  const target = useTransferStore((s) => s.colleague);
  const targetKind = useTransferStore((s) => s.targetKind);
  // A department's words name it as such (转接贷款科), a colleague's by work number.
  const say = (key: string) => (targetKind === 'department' ? `transfer.dept.${key}` : `transfer.${key}`);
  const start = useTransferStore((s) => s.start);
  const act = useTransferStore((s) => s.act);
  const startDepartment = useTransferStore((s) => s.startDepartment);
  // Departments with an extension (a phone dialled through the center's trunk) can take a caller too.
  const [departments, setDepartments] = useState<Array<Pick<Department, 'id' | 'name'>>>([]);
  const [departmentId, setDepartmentId] = useState('');
  useEffect(() => {
    let live = true;
    useSessionStore
      .getState()
      .api.call(routes.departments.list)
      .then((r) => live && setDepartments(r.departments.filter((d) => d.active && d.phone).map((d) => ({ id: d.id, name: d.name }))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const department = departments.find((d) => String(d.id) === departmentId);

  // A follow-up call (回访) is passed to a colleague the same way; only an inbound caller can go back to self-service.
  const inbound = !!call?.callId && call.direction === 'inbound';
  const busy = stage === 'requesting' || stage === 'ringing' || stage === 'consulting' || stage === 'conference';
  const canStart = callState === 'active' && !!call?.callId && !busy;
  const begin = (how: 'blind' | 'consult') => {
    if (call?.callId && colleague) void start(call.callId, colleague, how);
  };
  const errorText =
    error instanceof ApiError ? t(`transfer.errors.${error.code}`, { defaultValue: t('transfer.errors.unknown', { status: error.status }) }) : error?.message;

  return (
    <div className="softphone__transfer" data-testid="transfer" data-stage={stage}>
      <div className="softphone__transfer-row">
        <input
          className="input--small"
          inputMode="numeric"
          aria-label={t('softphone.transferTo')}
          aria-invalid={error instanceof ApiError ? true : undefined}
          placeholder={t('softphone.transferTo')}
          value={colleague}
          onChange={(e) => setColleague(e.target.value.replace(/\D/g, '').slice(0, 8))}
        />
        <button type="button" className="button button--small" disabled={!canStart || !colleague} onClick={() => begin('blind')}>
          {t('softphone.transferToAgent')}
        </button>
        <button type="button" className="button button--small" disabled={!canStart || !colleague} onClick={() => begin('consult')}>
          {t('transfer.consult')}
        </button>
        <button type="button" className="button button--small" disabled={!canStart || !inbound} onClick={() => void transferToIvr()}>
          {t('softphone.transferToIvr')}
        </button>
      </div>
      {departments.length > 0 && (
        <div className="softphone__transfer-row">
          <select
            className="input--small"
            aria-label={t('transfer.department')}
            value={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
            data-testid="transfer-department"
          >
            <option value="">{t('transfer.department')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={!canStart || !department}
            onClick={() => call?.callId && department && void startDepartment(call.callId, department, 'blind')}
          >
            {t('transfer.toDepartment')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!canStart || !department}
            onClick={() => call?.callId && department && void startDepartment(call.callId, department, 'consult')}
          >
            {t('transfer.consult')}
          </button>
        </div>
      )}
      {stage === 'ringing' && (
        <div className="softphone__transfer-row" role="status" data-testid="transfer-status">
          <span>{t(say('ringing'), { workNumber: target })}</span>
          <button type="button" className="button button--small" onClick={() => void act('return')}>
            {t('transfer.cancel')}
          </button>
        </div>
      )}
      {stage === 'consulting' && (
        <div className="softphone__transfer-row" role="status" data-testid="transfer-status">
          <span>{t(say('consulting'), { workNumber: target })}</span>
          <button type="button" className="button button--small" onClick={() => void act('complete')}>
            {t('transfer.complete')}
          </button>
          <button type="button" className="button button--small" onClick={() => void act('conference')}>
            {t('transfer.conference')}
          </button>
          <button type="button" className="button button--small" onClick={() => void act('return')}>
            {t('transfer.return')}
          </button>
        </div>
      )}
      {stage === 'conference' && (
        <p className="softphone__note" role="status" data-testid="transfer-status">
          {t(say('inConference'), { workNumber: target })}
        </p>
      )}
      {stage === 'failed' && (
        <p className="softphone__warning" role="alert" data-testid="transfer-status">
          {t(say(`failed.${reason ?? 'no_answer'}`), { workNumber: target })}
        </p>
      )}
      {stage === 'returned' && (
        <p className="softphone__note" role="status" data-testid="transfer-status">
          {t('transfer.returned')}
        </p>
      )}
      {stage === 'completed' && mode && (
        <p className="softphone__note" role="status" data-testid="transfer-status">
          {t(say('completed'), { workNumber: target })}
        </p>
      )}
      {errorText && (
        <p className="softphone__warning" role="alert" data-testid="transfer-error">
          {errorText}
        </p>
      )}
    </div>
  );
}
