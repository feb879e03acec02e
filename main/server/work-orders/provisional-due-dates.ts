import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit-service.js';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { SLA_WORKING_DAYS } from '../../../shared/work-orders/categories.js';
import type { WorkOrderCategory } from '../../../shared/work-orders/categories.js';

interface ProvisionalRow {
  id: number;
  category: WorkOrderCategory;
  created_at: number;
  due_at: number | null;
  call_id: string | null;
}

/**
 * When an official year calendar is loaded: every open order of the center whose due date was
 * provisional is counted again. It becomes final unless it still crosses another year without
 * its notice. The caller holds the transaction (the calendar load), so it is all or nothing.
 */
export function createDueDateRecompute(deps: { db: Db; audit: AuditService; calendar: WorkingCalendar; centerCode: string; timeZone: string }) {
  const open = deps.db.prepare<[string], ProvisionalRow>(
    `SELECT id, category, created_at, due_at, call_id FROM work_orders
     WHERE center_code = ? AND due_provisional = 1 AND state NOT IN ('resolved', 'replied', 'closed') ORDER BY id`,
  );
  const update = deps.db.prepare('UPDATE work_orders SET due_at = ?, due_provisional = ? WHERE id = ? AND due_provisional = 1');

  return (actorUserId: number, year: number): number[] => {
    const changed: number[] = [];
    for (const row of open.all(deps.centerCode)) {
      const due = deps.calendar.due(row.created_at, SLA_WORKING_DAYS[row.category], deps.timeZone);
      update.run(due.dueAt, due.provisional ? 1 : 0, row.id);
      changed.push(row.id);
      deps.audit.record({
        actorUserId,
        action: 'work_order.due_recomputed',
        entityType: 'work_order',
        entityId: row.id,
        callId: row.call_id,
        detail: {
          year,
          from: row.due_at === null ? null : new Date(row.due_at).toISOString(),
          to: new Date(due.dueAt).toISOString(),
          provisional: due.provisional,
        },
      });
    }
    return changed;
  };
}
