import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { NetworkChild } from '../../../../shared/api/network';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { ApiError } from '../../services/api-client';
import { errorText } from '../../services/api-error-text';
import { askConfirm } from '../../stores/confirm-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { useNetworkRegistryStore, type NetworkRegistryState } from '../../stores/network-registry-store';
import './network.css';

/** A registry error in the admin's language: the registry's own codes first, then the desk's. */
export function registryErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('network.loadFailed');
  const code = error.status === 409 ? 'conflict' : error.code;
  return t(`network.registry.errors.${code}`, { defaultValue: errorText(t, error) });
}

/** 系统管理 → 下级单位: the parent's registry of centers (or provinces) and their reporting tokens. */
export function NetworkRegistrySection() {
  const s = useNetworkRegistryStore();
  const { load } = s;
  useEffect(() => {
    void load();
  }, [load]);
  return <NetworkRegistryView s={s} />;
}

/** The section for a state of the registry store (rendered as is in tests). */
export function NetworkRegistryView({ s }: { s: NetworkRegistryState }) {
  const { t } = useTranslation();
  const registerError = s.error?.action === 'register' ? registryErrorText(t, s.error.error) : undefined;
  const otherError = s.error && s.error.action !== 'register' ? registryErrorText(t, s.error.error) : undefined;
  const nameOf = (code: string) => s.children.find((c) => c.code === code)?.name ?? code;

  const revoke = async (child: NetworkChild) => {
    const ok = await askConfirm({
      title: t('network.registry.revokeTitle', { name: child.name }),
      message: t('network.registry.revokeMessage'),
      confirmLabel: t('network.registry.revokeConfirm'),
      cancelLabel: t('network.registry.cancel'),
      danger: true,
    });
    if (ok) await s.revokeToken(child.code);
  };

  return (
    <div className="network-registry" data-testid="network-registry">
      {/* The console mounts no dialog of its own: the revoke question is asked here. */}
      <ConfirmDialog />
      <h2 className="panel__title">{t('network.registry.title')}</h2>
      <p className="muted">{t('network.registry.intro')}</p>
      <form
        className="network-registry__form"
        onSubmit={(e) => {
          e.preventDefault();
          void s.register();
        }}
      >
        <label>
          {t('network.registry.code')}
          <input
            value={s.code}
            inputMode="numeric"
            maxLength={6}
            placeholder="330100"
            aria-invalid={registerError ? true : undefined}
            aria-describedby={registerError ? 'network-register-error' : 'network-register-hint'}
            onChange={(e) => s.setCode(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={s.busy || s.code === ''}>
          {t('network.registry.register')}
        </button>
        {registerError ? (
          <span id="network-register-error" className="network-registry__error" role="alert">
            {registerError}
          </span>
        ) : (
          <span id="network-register-hint" className="muted">
            {t('network.registry.codeHint')}
          </span>
        )}
      </form>
      {s.issued && (
        <div className="network-registry__token" role="status" data-testid="network-token">
          <strong>{t('network.registry.tokenTitle', { name: nameOf(s.issued.code) })}</strong>
          <code>{s.issued.token}</code>
          <p className="muted">{t('network.registry.tokenOnce')}</p>
          <div className="network-registry__token-actions">
            <button type="button" className="button" onClick={() => void s.copyToken()}>
              {s.copied === 'yes' ? t('network.registry.copied') : t('network.registry.copy')}
            </button>
            <button type="button" className="button" onClick={s.closeToken}>
              {t('network.registry.close')}
            </button>
            {s.copied === 'failed' && <span className="network-registry__error">{t('network.registry.copyFailed')}</span>}
          </div>
        </div>
      )}
      {otherError && (
        <p className="network-registry__error" role="alert">
          {otherError}
        </p>
      )}
      <table className="table" data-testid="network-children">
        <thead>
          <tr>
            {(['code', 'name', 'level', 'token', 'lastReport', 'actions'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`network.registry.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.children.length === 0 && (
            <tr>
              <td colSpan={6} className="network-table__empty">
                {t('network.registry.none')}
              </td>
            </tr>
          )}
          {s.children.map((child) => (
            <tr key={child.code} data-code={child.code}>
              <td className="network-table__code">{child.code}</td>
              <td>{child.name}</td>
              <td>{t(`network.registry.levels.${child.level}`)}</td>
              <td>{child.hasToken ? t('network.registry.hasToken') : t('network.registry.noToken')}</td>
              <td>{child.lastReportAt === null ? t('network.registry.never') : formatCenterDateTime(child.lastReportAt)}</td>
              <td className="table__cell--actions">
                <div className="table__actions">
                  <button type="button" className="button" disabled={s.busy} onClick={() => void s.issueToken(child.code)}>
                    {child.hasToken ? t('network.registry.reissue') : t('network.registry.issue')}
                  </button>
                  {child.hasToken && (
                    <button type="button" className="button network-registry__revoke" disabled={s.busy} onClick={() => void revoke(child)}>
                      {t('network.registry.revoke')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
