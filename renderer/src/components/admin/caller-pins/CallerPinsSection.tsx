import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import { IDENTITY_DOCUMENTS, LOGIN_TYPES } from '../../../../../shared/api/verification';
import { useSessionStore } from '../../../stores/session-store';
import { ApiError } from '../../../services/api-client';
import { errorField, errorText } from '../../../services/api-error-text';
import { EMPTY_PIN_FORM, pinFormProblem, type PinForm } from './pin-form';
import { PinImport } from './PinImport';

/**
 * 系统管理 › 电话查询密码: the outlet sets or resets a caller's PIN after checking an identity
 * document, or imports the old system's hashes. With a core system the PINs are not ours: a sentence.
 */
export function CallerPinsSection() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [store, setStore] = useState<'embedded' | 'core_system'>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    api.call(routes.callerPins.store).then(
      (r) => setStore(r.store),
      (e: unknown) => setFailed(e instanceof ApiError ? errorText(t, e) : String(e)),
    );
  }, [api, t]);

  return (
    <div className="admin-ops" data-testid="pins-section">
      <h2 className="panel__title">{t('adminOps.pins.title')}</h2>
      {failed && (
        <p className="field__error" role="alert">
          {failed}
        </p>
      )}
      {store === 'core_system' && (
        <p className="admin-ops__note" data-testid="pins-core-system">
          {t('adminOps.pins.coreSystem')}
        </p>
      )}
      {store === 'embedded' && (
        <>
          <p className="muted">{t('adminOps.pins.intro')}</p>
          <SetPinForm />
          <PinImport />
        </>
      )}
    </div>
  );
}

function SetPinForm() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [form, setForm] = useState<PinForm>(EMPTY_PIN_FORM);
  const [busy, setBusy] = useState(false);
  // Kept as data, not text: a language switch re-reads the sentence.
  const [done, setDone] = useState<{ subjectKind: 'person' | 'employer'; account: string }>();
  const [error, setError] = useState<{ text: string; field?: string | undefined }>();

  const submit = async () => {
    setDone(undefined);
    const problem = pinFormProblem(form);
    if (problem) return setError({ text: t(problem.key), field: problem.field });
    setError(undefined);
    setBusy(true);
    try {
      const result = await api.call(routes.callerPins.set, {
        body: {
          loginType: form.loginType,
          account: form.account.trim(),
          pin: form.pin,
          identityDocument: form.identityDocument,
          documentNumber: form.documentNumber.trim(),
        },
      });
      // The PIN leaves the screen at once: the next holder at the counter starts from a clean form.
      setForm(EMPTY_PIN_FORM);
      setDone(result);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const field = e.code === 'account_not_found' ? 'account' : errorField(e);
      setError({ text: t(`adminOps.pins.errors.${e.code}`, { defaultValue: errorText(t, e) }), field });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (name: keyof PinForm) => (error?.field === name ? { 'aria-invalid': true, 'aria-describedby': 'pin-form-error' } : {});
  const text = (name: 'documentNumber' | 'account' | 'pin' | 'pinAgain', secret = false) => (
    <label className="field field--compact">
      <span>{t(`adminOps.pins.${name}`)}</span>
      <input
        type={secret ? 'password' : 'text'}
        inputMode={secret ? 'numeric' : undefined}
        autoComplete="off"
        maxLength={secret ? 6 : 40}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        data-testid={`pin-${name}`}
        {...invalid(name)}
      />
    </label>
  );
  return (
    <form
      className="admin-ops__form admin-ops__form--pairs"
      aria-label={t('adminOps.pins.submit')}
      noValidate
      onSubmit={(e) => (e.preventDefault(), void submit())}
      data-testid="pin-form"
    >
      <label className="field field--compact">
        <span>{t('adminOps.pins.identityDocument')}</span>
        <select
          value={form.identityDocument}
          onChange={(e) => setForm({ ...form, identityDocument: e.target.value as PinForm['identityDocument'] })}
          data-testid="pin-identityDocument"
        >
          {IDENTITY_DOCUMENTS.map((d) => (
            <option key={d} value={d}>
              {t(`adminOps.pins.documents.${d}`)}
            </option>
          ))}
        </select>
      </label>
      {text('documentNumber')}
      <label className="field field--compact">
        <span>{t('adminOps.pins.loginType')}</span>
        <select value={form.loginType} onChange={(e) => setForm({ ...form, loginType: e.target.value as PinForm['loginType'] })} data-testid="pin-loginType">
          {LOGIN_TYPES.map((l) => (
            <option key={l} value={l}>
              {t(`adminOps.pins.loginTypes.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {text('account')}
      {text('pin', true)}
      {text('pinAgain', true)}
      <label className="record__check admin-ops__wide">
        <input
          type="checkbox"
          checked={form.checked}
          onChange={(e) => setForm({ ...form, checked: e.target.checked })}
          data-testid="pin-checked"
          {...invalid('checked')}
        />
        {t('adminOps.pins.checked')}
      </label>
      <div className="admin-ops__wide">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="pin-submit">
          {t('adminOps.pins.submit')}
        </button>
      </div>
      {error && (
        <p className="field__error admin-ops__wide" id="pin-form-error" role="alert" data-testid="pin-error">
          {error.text}
        </p>
      )}
      {done && (
        <p className="admin-ops__ok admin-ops__wide" role="status" data-testid="pin-done">
          {t('adminOps.pins.done', { kind: t(`adminOps.pins.kinds.${done.subjectKind}`), account: done.account })}
        </p>
      )}
    </form>
  );
}
