/** §2.5-1: orders are sorted into complaints, suggestions and inquiries. */
export const WORK_ORDER_CATEGORIES = ['complaint', 'suggestion', 'inquiry'] as const;
export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];

/** The category's Chinese name, as exports label it. */
export const CATEGORY_LABELS: Record<WorkOrderCategory, string> = { complaint: '投诉', suggestion: '建议', inquiry: '咨询' };

/** §2.5-5: handling limits in working days (the national holiday calendar, 调休 included). */
export const SLA_WORKING_DAYS: Record<WorkOrderCategory, number> = { complaint: 5, suggestion: 2, inquiry: 3 };

/** Nearly due: due within this many hours. */
export const DUE_SOON_HOURS = 24;
