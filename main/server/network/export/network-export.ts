// CSV and XLSX of a province's or the ministry's table (issue 16): one row per center (or province)
// and the total, the eight indicators under the data-standard names and field names of §3.2
// (名称(单位) on the first row, 字段名 on the second), rates in percent and times in minutes,
// NUMBER(10,2). The mapping is shared/metrics/data-standard.ts, the same as the center's export.
import ExcelJS from 'exceljs';
import { DATA_STANDARD } from '../../../../shared/metrics/data-standard.js';
import type { Indicators } from '../../../../shared/metrics/indicators.js';
import { csvCell } from '../../metrics/metrics-export.js';

/** What the export reads of a network overview (shared/api/network.ts), nothing more. */
export interface NetworkExportInput {
  level: 'province' | 'ministry';
  code: string;
  name: string;
  period: { kind: string; from: string; to: string };
  rows: ReadonlyArray<{ code: string; name: string; indicators: Indicators; reportedDays: number; expectedDays: number }>;
  total: { indicators: Indicators };
}

/** The columns before and after the eight indicators; not in the data standard, named in its style. */
const LEAD_COLUMNS = [
  { field: 'areacode', name: '行政区划代码' },
  { field: 'areaname', name: '名称' },
] as const;
const TAIL_COLUMNS = [
  { field: 'reportdays', name: '已报送天数' },
  { field: 'expectdays', name: '应报送天数' },
] as const;
/** The total row's name, under the level's own code. */
export const TOTAL_LABEL = '合计';

type Cell = string | number | null;

export function networkExportFileName(input: NetworkExportInput, extension: 'csv' | 'xlsx'): string {
  return `network-${input.code}-${input.period.kind}-${input.period.from}.${extension}`;
}

function header(): string[] {
  return [...LEAD_COLUMNS.map((c) => c.name), ...DATA_STANDARD.map((r) => (r.unit ? `${r.name}(${r.unit})` : r.name)), ...TAIL_COLUMNS.map((c) => c.name)];
}

function fields(): string[] {
  return [...LEAD_COLUMNS.map((c) => c.field), ...DATA_STANDARD.map((r) => r.field), ...TAIL_COLUMNS.map((c) => c.field)];
}

function values(input: NetworkExportInput): Cell[][] {
  const line = (code: string, name: string, indicators: Indicators, reported: number | null, expected: number | null): Cell[] => [
    code,
    name,
    ...DATA_STANDARD.map((r) => indicators[r.field]),
    reported,
    expected,
  ];
  const rows = input.rows.map((r) => line(r.code, r.name, r.indicators, r.reportedDays, r.expectedDays));
  const reported = input.rows.reduce((sum, r) => sum + r.reportedDays, 0);
  const expected = input.rows.reduce((sum, r) => sum + r.expectedDays, 0);
  return [...rows, line(input.code, `${input.name}${TOTAL_LABEL}`, input.total.indicators, reported, expected)];
}

/** Indexes (0-based) of the NUMBER(10,2) columns: every indicator but the call count. */
const decimalColumns = (): Set<number> => new Set(DATA_STANDARD.flatMap((r, i) => (r.field === 'callTotal' ? [] : [LEAD_COLUMNS.length + i])));

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese headers correctly. */
export function networkToCsv(input: NetworkExportInput): string {
  const decimals = decimalColumns();
  // 0.50, not 0.5: the text shows NUMBER(10,2) as the standard prints it; an empty cell for "no calls".
  const rows = values(input).map((row) => row.map((v, i) => (typeof v === 'number' && decimals.has(i) ? v.toFixed(2) : v)));
  const lines = [header(), fields(), ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function networkToXlsx(input: NetworkExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'agent-desk-12329';
  const sheet = workbook.addWorksheet('统计监管指标');
  sheet.addRow(header()).font = { bold: true };
  sheet.addRow(fields()).font = { italic: true };
  for (const row of values(input)) sheet.addRow(row);
  sheet.lastRow!.font = { bold: true };
  const decimals = decimalColumns();
  header().forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, name.length * 2 + 4);
    if (decimals.has(i)) column.numFmt = '0.00';
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];

  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['层级', input.level === 'ministry' ? '住房和城乡建设部' : '省（自治区）'],
    ['行政区划代码', input.code],
    ['名称', input.name],
    ['统计周期', input.period.kind],
    ['开始日期', input.period.from],
    ['结束日期（含）', input.period.to],
    ['计算', '由各下级上报的原始计数汇总后计算，不对比率取平均'],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
