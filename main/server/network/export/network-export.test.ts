// The province's and ministry's export read back with exceljs and as CSV text: the data-standard
// names and field names, every rate and time as NUMBER(10,2) in percent and minutes, the total row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../../shared/metrics/indicators.js';
import { emptyRawCounts, rollUp, type RawCounts } from '../../../../shared/metrics/raw-counts.js';
import { networkExportFileName, networkToCsv, networkToXlsx, type NetworkExportInput } from './network-export.js';

const counts = (over: Partial<RawCounts>): RawCounts => ({ ...emptyRawCounts(), ...over });
// Hangzhou: 3 of 4 offered calls answered, 120 s of waiting over 3 answers (40 s = 0.67 min).
const hangzhou = counts({
  callTotal: 5,
  offered: 4,
  answered: 3,
  abandoned: 1,
  talkMsSum: 270_000,
  waitMsSum: 120_000,
  acwMsSum: 45_000,
  acwCount: 3,
  complaints: 0,
  surveyResponses: 2,
  surveySatisfied: 1,
});
// Ningbo: took no calls at all: every rate null (an empty cell, never 0).
const ningbo = emptyRawCounts();
const total = rollUp([hangzhou, ningbo]);

const input: NetworkExportInput = {
  level: 'province',
  code: '330000',
  name: '浙江省',
  period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' },
  rows: [
    { code: '330100', name: '杭州', indicators: computeIndicators(hangzhou), reportedDays: 30, expectedDays: 30 },
    { code: '330200', name: '宁波', indicators: computeIndicators(ningbo), reportedDays: 28, expectedDays: 30 },
  ],
  total: { indicators: computeIndicators(total) },
};

const FIELDS = [
  'areacode',
  'areaname',
  'callTotal',
  'callavg',
  'callconnect',
  'ABNcalls',
  'waittimeavg',
  'acwavg',
  'complntrate',
  'satisrate',
  'reportdays',
  'expectdays',
];

describe('network export (§3.2 data standard)', () => {
  it('XLSX: names with units, field names, values in percent and minutes with a 2-decimal format', async () => {
    const book = new ExcelJS.Workbook();
    const file = await networkToXlsx(input);
    await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('统计监管指标')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([
      '行政区划代码',
      '名称',
      '呼叫量',
      '平均通话时长(分钟)',
      '接通率(百分数(100%))',
      '呼损率(百分数(100%))',
      '平均等待时间(分钟)',
      '平均话后处理时间(分钟)',
      '投诉率(百分数(100%))',
      '满意度(百分数(100%))',
      '已报送天数',
      '应报送天数',
    ]);
    expect(row(2)).toEqual(FIELDS);
    // 270 s / 3 = 1.5 min; 3/4 = 75 %; 1/3 = 33.33 %; 40 s = 0.67 min; 15 s = 0.25 min; 1/2 = 50 %.
    expect(row(3)).toEqual(['330100', '杭州', 5, 1.5, 75, 33.33, 0.67, 0.25, 0, 50, 30, 30]);
    // exceljs leaves an empty cell out of the values array: nulls are blanks, not zeros.
    const ningboRow = sheet.getRow(4);
    expect(ningboRow.getCell(3).value).toBe(0);
    for (let c = 4; c <= 10; c++) expect(ningboRow.getCell(c).value).toBeNull();
    expect(row(5)).toEqual(['330000', '浙江省合计', 5, 1.5, 75, 33.33, 0.67, 0.25, 0, 50, 58, 60]);
    for (let c = 4; c <= 10; c++) expect(sheet.getColumn(c).numFmt).toBe('0.00');
    expect(sheet.getColumn(3).numFmt).not.toBe('0.00');
    const about = book.getWorksheet('说明')!;
    expect(about.getCell('B2').value).toBe('330000');
    expect(about.getCell('B5').value).toBe('2026-11-01');
  });

  it('CSV: BOM, the same two header rows, 2 decimals as text (0.50, 75.00), blanks for no calls', () => {
    const csv = networkToCsv(input);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(FIELDS.join(','));
    expect(lines[2]).toBe('330100,杭州,5,1.50,75.00,33.33,0.67,0.25,0.00,50.00,30,30');
    expect(lines[3]).toBe('330200,宁波,0,,,,,,,,28,30');
    expect(lines[4]).toBe('330000,浙江省合计,5,1.50,75.00,33.33,0.67,0.25,0.00,50.00,58,60');
    // The unit header with its parentheses needs no quoting; a comma in a name would.
    expect(networkToCsv({ ...input, rows: [{ ...input.rows[0]!, name: '杭州,西湖' }] })).toContain('"杭州,西湖"');
  });

  it('names the file after the level, period and first day', () => {
    expect(networkExportFileName(input, 'xlsx')).toBe('network-330000-month-2026-11-01.xlsx');
  });
});
