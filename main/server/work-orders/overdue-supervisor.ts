import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/event-hub.js';
import { DUE_SOON_HOURS } from '../../../shared/work-orders/categories.js';

interface DueRow {
  id: number;
  department: string | null;
  assignee: number | null;
  due_at: number;
  due_notice: 'due_soon' | 'overdue' | null;
}

/**
 * 督办 (overdue supervision): open orders that come within a day of their due time, or pass it,
 * are pushed once per level to the people who must act — the handler (or, before anyone accepted
 * it, the department's handlers), the department's leader, and the hotline's leaders.
 */
export function createOverdueSupervisor(db: Db, clock: Clock, events: EventHub, centerCode: string) {
  const due = db.prepare<[string, number], DueRow>(
    `SELECT id, department, assignee, due_at, due_notice FROM work_orders INDEXED BY work_orders_by_state_due
     WHERE center_code = ? AND state IN ('pending_approval', 'dispatched', 'in_progress') AND due_at < ?
       AND (due_notice IS NULL OR due_notice = 'due_soon')`,
  );
  const mark = db.prepare('UPDATE work_orders SET due_notice = ? WHERE id = ? AND due_notice IS ?');
  const handlers = db
    .prepare<[string, string], number>("SELECT id FROM users WHERE center_code = ? AND department = ? AND role = 'department_handler' AND active = 1")
    .pluck();
  const leader = db.prepare<[string, string], number | null>('SELECT leader_user_id FROM departments WHERE center_code = ? AND name = ?').pluck();
  // The hotline's leaders: department leaders who do not belong to a department orders go to.
  const hotlineLeaders = db
    .prepare<[string, string], number>(
      `SELECT id FROM users WHERE center_code = ? AND role = 'department_leader' AND active = 1
         AND (department IS NULL OR department NOT IN (SELECT name FROM departments WHERE center_code = ?))`,
    )
    .pluck();

  const recipientsOf = (row: DueRow): number[] => {
    const people = new Set<number>(hotlineLeaders.all(centerCode, centerCode));
    if (row.department) {
      for (const id of row.assignee !== null ? [row.assignee] : handlers.all(centerCode, row.department)) people.add(id);
      const lead = leader.get(centerCode, row.department);
      if (lead) people.add(lead);
    }
    return [...people].sort((a, b) => a - b);
  };

  return {
    /** Sends what has become due since the last check; returns how many notices went out. */
    check(): number {
      const now = clock.now();
      let sent = 0;
      for (const row of due.all(centerCode, now + DUE_SOON_HOURS * 3600_000)) {
        const level = row.due_at < now ? 'overdue' : 'due_soon';
        if (row.due_notice === level) continue;
        // The old level in WHERE: two checks never notify twice.
        if (mark.run(level, row.id, row.due_notice).changes !== 1) continue;
        events.publish({
          type: 'work-order.due',
          workOrderId: row.id,
          centerCode,
          department: row.department,
          level,
          dueAt: new Date(row.due_at).toISOString(),
          recipients: recipientsOf(row),
          at: new Date(now).toISOString(),
        });
        sent++;
      }
      return sent;
    },
  };
}
