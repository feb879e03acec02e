import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deskBridge } from '../services/desk-bridge';
import { useWorkstationSettingsStore } from '../stores/workstation-settings-store';
import { useSessionStore } from '../stores/session-store';
import { errorField, errorText as apiErrorText } from '../services/api-error-text';

export function SignInScreen() {
  const { t } = useTranslation();
  const workNumber = useSessionStore((s) => s.workNumber);
  const submitting = useSessionStore((s) => s.status === 'signing-in');
  const error = useSessionStore((s) => s.error);
  const setWorkNumber = useSessionStore((s) => s.setWorkNumber);
  const signIn = useSessionStore((s) => s.signIn);
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(workNumber, password);
  };

  const errorText = error === undefined ? undefined : typeof error === 'string' ? t(`signIn.${error}`) : apiErrorText(t, error);
  // A refused field (a work number that is not 3 to 8 digits, say) is marked, the sentence under it.
  const field = typeof error === 'object' ? errorField(error) : undefined;
  const marked = field === 'workNumber' || field === 'password' ? field : undefined;
  const invalid = (name: string) => (marked === name ? { 'aria-invalid': true as const, 'aria-describedby': `sign-in-error-${name}` } : {});
  const fieldError = (name: string) =>
    marked === name && (
      <span className="field__error" id={`sign-in-error-${name}`} role="alert">
        {errorText}
      </span>
    );

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} aria-labelledby="sign-in-heading" noValidate>
        <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
        <label className="field">
          <span>{t('signIn.workNumber')}</span>
          <input
            name="workNumber"
            autoComplete="username"
            inputMode="numeric"
            autoFocus
            placeholder={t('signIn.workNumberPlaceholder')}
            value={workNumber}
            onChange={(e) => setWorkNumber(e.target.value)}
            {...invalid('workNumber')}
          />
          {fieldError('workNumber')}
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            placeholder={t('signIn.passwordPlaceholder')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...invalid('password')}
          />
          {fieldError('password')}
        </label>
        {errorText && !marked && (
          <p className="sign-in__error" role="alert">
            {errorText}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        {deskBridge() && (
          <button type="button" className="link" onClick={() => void useWorkstationSettingsStore.getState().show()} data-testid="sign-in-settings">
            {t('adminOps.settings.open')}
          </button>
        )}
      </form>
    </main>
  );
}
