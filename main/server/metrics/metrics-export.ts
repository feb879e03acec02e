// CSV and XLSX exports of a period report, laid out like the data-standard table of §3.2.
import ExcelJS from 'exceljs';
import { DATA_STANDARD } from '../../../shared/metrics/data-standard.js';
import { RAW_COUNT_FIELDS } from '../../../shared/metrics/raw-counts.js';
import type { MetricsReport } from '../../../shared/api/metrics.js';
import { addFiguresSheet } from './work-order-figures-export.js';

export const EXPORT_HEADERS = ['名称', '字段名', '值', '单位'] as const;

export function exportFileName(report: MetricsReport, extension: 'csv' | 'xlsx'): string {
  return `metrics-${report.centerCode}-${report.period}-${report.label}.${extension}`;
}

function rows(report: MetricsReport): Array<[string, string, number | null, string]> {
  return DATA_STANDARD.map((r) => [r.name, r.field, report.indicators[r.field], r.unit]);
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese headers correctly. */
export function toCsv(report: MetricsReport): string {
  // Rates and minutes keep their 2 decimals in text (0.50, not 0.5), as NUMBER(10,2) would print.
  const text = rows(report).map(([name, field, value, unit]) => [name, field, value === null || field === 'callTotal' ? value : value.toFixed(2), unit]);
  const lines = [EXPORT_HEADERS, ...text].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(report: MetricsReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'agent-desk-12329';
  const sheet = workbook.addWorksheet('统计监管指标');
  sheet.columns = [
    { header: EXPORT_HEADERS[0], width: 18 },
    { header: EXPORT_HEADERS[1], width: 14 },
    { header: EXPORT_HEADERS[2], width: 12 },
    { header: EXPORT_HEADERS[3], width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows(report)) sheet.addRow(row);
  sheet.getColumn(3).numFmt = '0.00';
  sheet.getCell('C2').numFmt = '0'; // callTotal is a count
  if (report.workOrders) addFiguresSheet(workbook, report.workOrders);

  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['中心代码', report.centerCode],
    ['统计周期', report.period],
    ['周期', report.label],
    ['开始', report.start],
    ['结束（不含）', report.end],
    ['时区', report.timeZone],
    [],
    ['原始数据', '值'],
    ...RAW_COUNT_FIELDS.map((f) => [f, report.raw[f]]),
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
