import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, Lockout } from '../../../../../shared/api/auth';
import { useUsersStore } from '../../../stores/users-store';
import { useDepartmentsStore } from '../../../stores/departments-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { useSessionStore } from '../../../stores/session-store';
import { LoadError, PeopleTable } from '../people-form';
import { UserCreateForm } from './UserCreateForm';
import { UserRow } from './UserRow';
import '../people.css';

/** 用户管理: the center's users, who is locked out by failed sign-ins, and a form for a new one. */
export function UsersSection() {
  const { t } = useTranslation();
  const users = useUsersStore((s) => s.users);
  const lockouts = useUsersStore((s) => s.lockouts);
  const error = useUsersStore((s) => s.error);
  const selfId = useSessionStore((s) => s.user?.id);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');

  // Departments are a center's (work orders); a province's or the ministry's server has none.
  const atCenter = useConnectionStore((s) => s.networkMode) === 'center';
  useEffect(() => {
    void useUsersStore.getState().load();
    if (atCenter) void useDepartmentsStore.getState().load();
  }, [atCenter]);

  const q = filter.trim();
  const shown = q ? users.filter((u) => u.workNumber.includes(q) || u.displayName.includes(q)) : users;

  return (
    <div className="people-section" data-testid="users-section">
      <header className="people-section__head">
        <h2>{t('adminPeople.users.title')}</h2>
        <input
          className="people-section__filter"
          type="search"
          aria-label={t('adminPeople.users.filter')}
          placeholder={t('adminPeople.users.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="button button--primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          {t('adminPeople.users.create')}
        </button>
      </header>
      {creating && <UserCreateForm onDone={() => setCreating(false)} />}
      <LoadError error={error?.action === 'load' ? error.error : undefined} />
      <UsersTable users={shown} lockouts={lockouts} selfId={selfId} />
    </div>
  );
}

/** The list itself, from what it is given: users (filtered), the lockouts, who is signed in (no self-demotion). */
export function UsersTable({ users, lockouts, selfId }: { users: AdminUser[]; lockouts: Lockout[]; selfId: number | undefined }) {
  const { t } = useTranslation();
  const guessed = lockouts.filter((l) => l.userId === null);
  return (
    <>
      {guessed.length > 0 && (
        <p className="people-note" role="status">
          {t('adminPeople.users.guessed', { numbers: guessed.map((l) => `${l.workNumber}（${l.failures}）`).join('、') })}
        </p>
      )}
      <PeopleTable columns={['fields.workNumber', 'fields.displayName', 'fields.role', 'fields.department', 'users.state', 'actions']}>
        {users.map((u) => (
          <UserRow key={u.id} user={u} self={u.id === selfId} />
        ))}
      </PeopleTable>
    </>
  );
}
