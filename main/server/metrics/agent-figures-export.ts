// CSV and XLSX of the per-agent table of a period: one row per agent, the columns named as in the
// data-standard table (名称 on the first row, 字段名 on the second), times in its minutes.
import ExcelJS from 'exceljs';
import { AGENT_EXPORT_COLUMNS, agentExportRow } from '../../../shared/metrics/agent-figures.js';
import type { MetricsAgentsResponse } from '../../../shared/api/indicators.js';
import { csvCell } from './metrics-export.js';

export function agentsExportFileName(report: MetricsAgentsResponse, extension: 'csv' | 'xlsx'): string {
  return `metrics-agents-${report.centerCode}-${report.period}-${report.label}.${extension}`;
}

const header = () => AGENT_EXPORT_COLUMNS.map((c) => (c.unit ? `${c.name}(${c.unit})` : c.name));
const fields = () => AGENT_EXPORT_COLUMNS.map((c) => c.field);
const values = (report: MetricsAgentsResponse) => report.agents.map((a) => AGENT_EXPORT_COLUMNS.map((c) => agentExportRow(a)[c.field]));

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese headers correctly. */
export function agentsToCsv(report: MetricsAgentsResponse): string {
  const minutes = new Set<string>(AGENT_EXPORT_COLUMNS.filter((c) => c.unit === '分钟').map((c) => c.field));
  const rows = values(report).map((row) => row.map((v, i) => (typeof v === 'number' && minutes.has(AGENT_EXPORT_COLUMNS[i]!.field) ? v.toFixed(2) : v)));
  const lines = [header(), fields(), ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function agentsToXlsx(report: MetricsAgentsResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'agent-desk-12329';
  const sheet = workbook.addWorksheet('坐席');
  sheet.addRow(header()).font = { bold: true };
  sheet.addRow(fields()).font = { italic: true };
  for (const row of values(report)) sheet.addRow(row);
  AGENT_EXPORT_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, c.name.length * 2 + 8);
    if (c.unit === '分钟') column.numFmt = '0.00';
  });
  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['中心代码', report.centerCode],
    ['统计周期', report.period],
    ['周期', report.label],
    ['开始', report.start],
    ['结束（不含）', report.end],
    ['时区', report.timeZone],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
