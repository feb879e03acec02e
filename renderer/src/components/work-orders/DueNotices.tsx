import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useWorkOrdersStore } from '../../stores/work-orders-store';
import { useConnectionStore } from '../../stores/connection-store';
import { deskBridge } from '../../services/desk-bridge';

/** 督办 notices for this user: a bar under the top bar, and in the desktop app a system notification. */
export function DueNotices({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const notices = useWorkOrdersStore((s) => s.notices);
  const dismiss = useWorkOrdersStore((s) => s.dismissNotice);
  const select = useWorkOrdersStore((s) => s.select);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const shown = useRef(new Set<string>());
  const text = (level: string, id: number, dueAt: string) => t(`orderDesk.notice.${level}`, { id, due: formatCenterDateTime(dueAt, timeZone) });

  useEffect(() => {
    const bridge = deskBridge();
    for (const n of notices) {
      const key = `${n.workOrderId}:${n.level}`;
      if (shown.current.has(key)) continue;
      shown.current.add(key);
      if (bridge) void bridge.showNotification({ title: t('orderDesk.notice.title'), body: text(n.level, n.workOrderId, n.dueAt) });
    }
  });

  if (notices.length === 0) return null;
  return (
    <div className="due-notices" role="status" data-testid="due-notices">
      {notices.map((n) => (
        <div key={n.workOrderId} className={`due-notice due-notice--${n.level}`} data-level={n.level}>
          <strong>{t('orderDesk.notice.title')}</strong>
          <span>{text(n.level, n.workOrderId, n.dueAt)}</span>
          <button type="button" className="button button--small" onClick={() => (onOpen(), void select(n.workOrderId))}>
            {t('orderDesk.notice.open')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => dismiss(n.workOrderId)}>
            {t('orderDesk.notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
