import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_ORDER_CATEGORIES } from '../../../../shared/work-orders/categories';
import { WORK_ORDER_STATES } from '../../../../shared/work-orders/state-machine';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { EMPTY_SEARCH, PAGE_SIZE, useWorkOrdersStore, type WorkOrderSearch } from '../../stores/work-orders-store';
import { useSessionStore } from '../../stores/session-store';
import { useConnectionStore } from '../../stores/connection-store';
import { inboxStates } from '../../services/role-homes';
import { errorText } from '../../services/api-error-text';
import { WorkOrderDetailPanel } from './WorkOrderDetailPanel';
import { OnTimePanel } from './OnTimePanel';
import { FollowUpListsPanel } from './FollowUpListsPanel';

/** Find any order (§2.5), and the department roles' inbox: the states they have work in, preset. */
export function WorkOrdersScreen() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.user?.role);
  const runSearch = useWorkOrdersStore((s) => s.runSearch);
  const loadDepartments = useWorkOrdersStore((s) => s.loadDepartments);
  const inbox = { ...EMPTY_SEARCH, state: inboxStates(role) ?? '' };
  const [form, setForm] = useState<WorkOrderSearch>(inbox);
  useEffect(() => {
    void runSearch({ ...EMPTY_SEARCH, state: inboxStates(role) ?? '' });
    void loadDepartments();
  }, [role, runSearch, loadDepartments]);

  return (
    <main className="orders-screen">
      <section className="panel orders-screen__list" aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="panel__title">
          {t(inboxStates(role) ? 'orderDesk.inbox' : 'orderDesk.search')}
        </h2>
        <SearchForm form={form} setForm={setForm} onSearch={(s) => void runSearch(s)} onReset={() => (setForm(inbox), void runSearch(inbox))} />
        <Results />
      </section>
      <div className="orders-screen__side">
        <WorkOrderDetailPanel />
        {(role === 'department_leader' || role === 'team_lead' || role === 'center_admin') && <OnTimePanel />}
        {(role === 'team_lead' || role === 'center_admin') && <FollowUpListsPanel />}
      </div>
    </main>
  );
}

function SearchForm({
  form,
  setForm,
  onSearch,
  onReset,
}: {
  form: WorkOrderSearch;
  setForm(f: WorkOrderSearch): void;
  onSearch(f: WorkOrderSearch): void;
  onReset(): void;
}) {
  const { t } = useTranslation();
  const departments = useWorkOrdersStore((s) => s.departments);
  const text = (name: 'id' | 'callerNumber' | 'agent' | 'from' | 'to', type = 'text') => (
    <label className="field field--compact">
      <span>{t(`orderDesk.filters.${name}`)}</span>
      <input
        type={type}
        value={form[name]}
        inputMode={name === 'from' || name === 'to' ? undefined : 'numeric'}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      />
    </label>
  );
  const select = (name: 'category' | 'state' | 'department', options: Array<[string, string]>) => (
    <label className="field field--compact">
      <span>{t(`orderDesk.filters.${name}`)}</span>
      <select value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })}>
        <option value="">{t('orderDesk.any')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  const states: Array<[string, string]> = WORK_ORDER_STATES.map((s) => [s, t(`workOrders.states.${s}`)]);
  if (form.state.includes(','))
    states.unshift([
      form.state,
      form.state
        .split(',')
        .map((s) => t(`workOrders.states.${s}`))
        .join(' / '),
    ]);
  return (
    <form
      className="orders-search"
      aria-label={t('orderDesk.search')}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(form);
      }}
    >
      {text('id')}
      {text('callerNumber')}
      {select(
        'category',
        WORK_ORDER_CATEGORIES.map((c) => [c, t(`record.categories.${c}`)]),
      )}
      {select('state', states)}
      {select(
        'department',
        departments.map((d) => [d.name, d.name]),
      )}
      {text('agent')}
      {text('from', 'date')}
      {text('to', 'date')}
      <label className="record__check">
        <input type="checkbox" checked={form.overdue} onChange={(e) => setForm({ ...form, overdue: e.target.checked })} />
        {t('orderDesk.filters.overdue')}
      </label>
      <label className="record__check">
        <input type="checkbox" checked={form.followUp} onChange={(e) => setForm({ ...form, followUp: e.target.checked })} />
        {t('orderDesk.filters.followUp')}
      </label>
      <div className="orders-search__buttons">
        <button type="submit" className="button button--primary button--small">
          {t('orderDesk.find')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onReset}>
          {t('orderDesk.reset')}
        </button>
      </div>
    </form>
  );
}

function Results() {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const { results, total, page, search, error, selected } = useWorkOrdersStore();
  const runSearch = useWorkOrdersStore((s) => s.runSearch);
  const select = useWorkOrdersStore((s) => s.select);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      {error && (
        <p className="record__error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {results.length === 0 ? (
        <p className="muted" data-testid="orders-empty">
          {t('workOrders.empty')}
        </p>
      ) : (
        <table className="table" data-testid="orders-results">
          <thead>
            <tr>
              <th>{t('workOrders.id')}</th>
              <th>{t('workOrders.category')}</th>
              <th>{t('workOrders.titleColumn')}</th>
              <th>{t('orderDesk.filters.callerNumber')}</th>
              <th>{t('workOrders.state')}</th>
              <th>{t('orderDesk.fields.department')}</th>
              <th>{t('workOrders.due')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((o) => (
              <tr key={o.id} data-state={o.state} className={selected?.id === o.id ? 'table__row--on' : undefined}>
                <td>
                  <button type="button" className="link" onClick={() => void select(o.id)} aria-label={t('orderDesk.open', { id: o.id })}>
                    {o.id}
                  </button>
                </td>
                <td>{t(`record.categories.${o.category}`)}</td>
                <td className="table__title">{o.title}</td>
                <td>{o.callerNumber ?? '—'}</td>
                <td>
                  {t(`workOrders.states.${o.state}`)}
                  {o.extensionDays !== null && <span className="due__tag due__tag--soon">{t('orderDesk.extensionPending', { count: o.extensionDays })}</span>}
                </td>
                <td>{o.department ?? '—'}</td>
                <td className={o.overdue ? 'due due--overdue' : o.dueSoon ? 'due due--soon' : 'due'}>
                  {o.dueAt ? formatCenterDateTime(o.dueAt, timeZone) : '—'}
                  {o.overdue && <span className="due__tag">{t('workOrders.overdue')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager" data-testid="orders-pager">
        <span>{t('orderDesk.total', { count: total, page: page + 1, pages })}</span>
        <button type="button" className="button button--ghost button--small" disabled={page === 0} onClick={() => void runSearch(search, page - 1)}>
          {t('orderDesk.previous')}
        </button>
        <button type="button" className="button button--ghost button--small" disabled={page + 1 >= pages} onClick={() => void runSearch(search, page + 1)}>
          {t('orderDesk.next')}
        </button>
      </div>
    </>
  );
}
