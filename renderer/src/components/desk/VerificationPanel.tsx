import { useTranslation } from 'react-i18next';
import { useVerificationStore } from '../../stores/verification-store';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { formatFen } from '../../services/money';

/** §2.1 caller verification: one button; the agent sees only the result and the caller's data. */
export function VerificationPanel() {
  const { t } = useTranslation();
  const call = useSoftphoneStore((s) => s.call);
  const talking = useSoftphoneStore((s) => s.callState === 'active' || s.callState === 'held');
  const status = useVerificationStore((s) => (s.callId && s.callId === call?.callId ? s.status : 'idle'));
  const attemptsLeft = useVerificationStore((s) => s.attemptsLeft);
  const profile = useVerificationStore((s) => (s.callId === call?.callId ? s.profile : undefined));
  const error = useVerificationStore((s) => s.error);
  const start = useVerificationStore((s) => s.start);
  const busy = status === 'requesting' || status === 'started';

  return (
    <section className="panel verification" aria-labelledby="verification-heading">
      <h2 id="verification-heading" className="panel__title">
        {t('verification.title')}
      </h2>
      <button
        type="button"
        className="button button--primary"
        disabled={!talking || !call?.callId || call.direction !== 'inbound' || busy}
        onClick={() => call?.callId && void start(call.callId)}
      >
        {busy ? t('verification.inProgress') : t('verification.start')}
      </button>
      <p className={`verification__status verification__status--${status}`} role="status" data-testid="verification-status">
        {t(`verification.status.${status}`, { attemptsLeft: attemptsLeft ?? 0 })}
      </p>
      {error && (
        <p className="record__error" role="alert">
          {error}
        </p>
      )}
      {profile?.person && (
        <dl className="facts" data-testid="caller-profile">
          <dt>{t('verification.name')}</dt>
          <dd>{profile.person.name}</dd>
          <dt>{t('verification.accountStatus')}</dt>
          <dd>{profile.person.status}</dd>
          <dt>{t('verification.balance')}</dt>
          <dd data-testid="caller-balance">{formatFen(profile.person.balanceFen)}</dd>
          <dt>{t('verification.monthlyDeposit')}</dt>
          <dd>{formatFen(profile.person.monthlyDepositFen)}</dd>
          {profile.loans.map((loan) => (
            <div key={loan.contractNo} className="facts__group">
              <dt>{t('verification.loan')}</dt>
              <dd>
                {t('verification.loanLine', {
                  balance: formatFen(loan.balanceFen),
                  term: loan.termMonths,
                  monthly: formatFen(loan.monthlyRepaymentFen),
                  progress: loan.progress,
                })}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {profile?.employer && (
        <dl className="facts">
          <dt>{t('verification.employer')}</dt>
          <dd>
            {profile.employer.name}（{profile.employer.status}）
          </dd>
          <dt>{t('verification.headcount')}</dt>
          <dd>{profile.employer.headcount}</dd>
          {profile.employer.arrearsMonths > 0 && (
            <>
              <dt>{t('verification.arrears')}</dt>
              <dd className="due--overdue">
                {t('verification.arrearsLine', { months: profile.employer.arrearsMonths, amount: formatFen(profile.employer.arrearsFen) })}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
