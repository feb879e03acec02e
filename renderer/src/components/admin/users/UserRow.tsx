import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type AdminUser, type Role } from '../../../../../shared/api/auth';
import { useUsersStore } from '../../../stores/users-store';
import { useDepartmentsStore } from '../../../stores/departments-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { formatCenterDateTime } from '../../../../../shared/time/format';
import { useFormErrors } from '../people-form';

type Mode = 'view' | 'edit' | 'password';

/** 启用 / 停用 / 已锁定: locked wins over active, since it is what stops the person signing in now. */
export function userState(user: Pick<AdminUser, 'active' | 'lockedUntil'>): 'active' | 'disabled' | 'locked' {
  if (!user.active) return 'disabled';
  return user.lockedUntil ? 'locked' : 'active';
}

/** One user: state and actions; 修改 and 重置密码 open in the row. */
export function UserRow({ user, self }: { user: AdminUser; self: boolean }) {
  const { t } = useTranslation();
  const { update, resetPassword, unlock, clearError } = useUsersStore.getState();
  const error = useUsersStore((s) => s.error);
  const departments = useDepartmentsStore((s) => s.departments);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState({ role: user.role, department: user.department ?? '' });
  const [password, setPassword] = useState('');
  const edit = useFormErrors(error, { action: 'update', id: user.id }, ['role', 'department'], `user-${user.id}`);
  const pass = useFormErrors(error, { action: 'password', id: user.id }, ['password'], `user-${user.id}-pw`);
  const other = useFormErrors(error, { action: ['unlock', 'update'], id: user.id }, [], `user-${user.id}-x`);
  const state = userState(user);
  const open = (next: Mode) => {
    clearError();
    setDraft({ role: user.role, department: user.department ?? '' });
    setPassword('');
    setMode(next);
  };

  const saveEdit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...(draft.role !== user.role ? { role: draft.role } : {}),
      ...((draft.department || null) !== user.department ? { department: draft.department || null } : {}),
    };
    if (Object.keys(changes).length === 0 || (await update(user.id, changes))) setMode('view');
  };
  const savePassword = async (event: FormEvent) => {
    event.preventDefault();
    if (await resetPassword(user.id, password)) setMode('view');
  };

  return (
    <tr data-testid={`user-row-${user.workNumber}`} data-state={state}>
      <td>{user.workNumber}</td>
      <td>{user.displayName}</td>
      <td colSpan={mode === 'view' ? 1 : 2}>
        {mode === 'edit' ? (
          <form className="people-inline" onSubmit={saveEdit} noValidate>
            <select
              aria-label={t('adminPeople.fields.role')}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              {...edit.invalid('role')}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`adminPeople.roles.${r}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('adminPeople.fields.department')}
              value={draft.department}
              onChange={(e) => setDraft({ ...draft, department: e.target.value })}
              {...edit.invalid('department')}
            >
              <option value="">{t('adminPeople.users.noDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small button--primary">
              {t('adminPeople.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('view')}>
              {t('adminPeople.cancel')}
            </button>
            {edit.fieldError('role')}
            {edit.fieldError('department')}
            {edit.formError}
          </form>
        ) : mode === 'password' ? (
          <form className="people-inline" onSubmit={savePassword} noValidate>
            <input
              type="password"
              autoComplete="new-password"
              aria-label={t('adminPeople.users.newPassword')}
              placeholder={t('adminPeople.users.passwordHint')}
              value={password}
              autoFocus
              onChange={(e) => setPassword(e.target.value)}
              {...pass.invalid('password')}
            />
            <button type="submit" className="button button--small button--primary">
              {t('adminPeople.users.setPassword')}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('view')}>
              {t('adminPeople.cancel')}
            </button>
            {pass.fieldError('password')}
            {pass.formError}
          </form>
        ) : (
          t(`adminPeople.roles.${user.role}`)
        )}
      </td>
      {mode === 'view' && <td>{user.department ?? '—'}</td>}
      <td>
        <span className={`people-state people-state--${state}`}>
          {state === 'locked'
            ? t('adminPeople.users.lockedUntil', { time: formatCenterDateTime(user.lockedUntil!, timeZone).slice(11) })
            : t(`adminPeople.users.states.${state}`)}
        </span>
      </td>
      <td className="table__cell--actions">
        {mode === 'view' && (
          <div className="table__actions">
            {state === 'locked' && (
              <button type="button" className="button button--small button--primary" onClick={() => void unlock(user.id)}>
                {t('adminPeople.users.unlock')}
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => open('edit')} disabled={self}>
              {t('adminPeople.users.edit')}
            </button>
            <button type="button" className="button button--small" onClick={() => open('password')}>
              {t('adminPeople.users.resetPassword')}
            </button>
            <button type="button" className="button button--small" disabled={self} onClick={() => void update(user.id, { active: !user.active })}>
              {t(user.active ? 'adminPeople.users.disable' : 'adminPeople.users.enable')}
            </button>
          </div>
        )}
        {mode === 'view' && other.formError}
      </td>
    </tr>
  );
}
