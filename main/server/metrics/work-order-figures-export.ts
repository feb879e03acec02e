// The work-order figures as a table beside the indicator export: its own CSV and its own XLSX
// sheet, so the data-standard table of the eight stays exactly as §3.2 lays it out.
import type ExcelJS from 'exceljs';
import { CATEGORY_LABELS } from '../../../shared/work-orders/categories.js';
import type { OnTimeRow, WorkOrderFigures } from '../../../shared/metrics/work-order-figures.js';
import type { MetricsReport } from '../../../shared/api/metrics.js';

export const FIGURES_HEADERS = ['名称', '分组', '分子', '分母', '值', '单位'] as const;
export const FIGURES_SHEET = '工单与回访';
const PERCENT = '百分数(100%)';

type Row = [string, string, number, number, number | null, string];

export function figuresRows(figures: WorkOrderFigures): Row[] {
  const onTime = (group: string, r: OnTimeRow): Row => ['办结及时率', group, r.onTime, r.resolved, r.rate, PERCENT];
  return [
    onTime('合计', figures.onTime.total),
    ...figures.onTime.byCategory.map((r) => onTime(`类别：${CATEGORY_LABELS[r.key as keyof typeof CATEGORY_LABELS] ?? r.key}`, r)),
    ...figures.onTime.byDepartment.map((r) => onTime(`部门：${r.key ?? '未派发'}`, r)),
    ['来电满意度（satisrate）', '来电评价', figures.inboundSurvey.satisfied, figures.inboundSurvey.responses, figures.inboundSurvey.rate, PERCENT],
    ['回访满意度', '回访评价', figures.followUpSurvey.satisfied, figures.followUpSurvey.responses, figures.followUpSurvey.rate, PERCENT],
  ];
}

export function figuresFileName(report: MetricsReport): string {
  return `work-orders-${report.centerCode}-${report.period}-${report.label}.csv`;
}

const cell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a byte-order mark, like the indicator CSV; rates with their 2 decimals. */
export function toFiguresCsv(figures: WorkOrderFigures): string {
  const lines = [
    FIGURES_HEADERS,
    ...figuresRows(figures).map(([name, group, num, den, value, unit]) => [name, group, num, den, value === null ? null : value.toFixed(2), unit]),
  ];
  return `\uFEFF${lines.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function addFiguresSheet(workbook: ExcelJS.Workbook, figures: WorkOrderFigures): void {
  const sheet = workbook.addWorksheet(FIGURES_SHEET);
  sheet.columns = [{ width: 22 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 16 }].map((c, i) => ({
    ...c,
    header: FIGURES_HEADERS[i],
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of figuresRows(figures)) sheet.addRow(row);
  sheet.getColumn(5).numFmt = '0.00';
}
