// The data-standard table of §3.2 (统计监管指标数据标准表): name, field and unit of each indicator,
// for exports and the wallboard.
import type { IndicatorField } from './indicators.js';

export interface DataStandardRow {
  field: IndicatorField;
  /** 名称 */
  name: string;
  /** 单位; the standard leaves the call count without one. */
  unit: string;
}

export const DATA_STANDARD: readonly DataStandardRow[] = [
  { field: 'callTotal', name: '呼叫量', unit: '' },
  { field: 'callavg', name: '平均通话时长', unit: '分钟' },
  { field: 'callconnect', name: '接通率', unit: '百分数(100%)' },
  { field: 'ABNcalls', name: '呼损率', unit: '百分数(100%)' },
  { field: 'waittimeavg', name: '平均等待时间', unit: '分钟' },
  { field: 'acwavg', name: '平均话后处理时间', unit: '分钟' },
  { field: 'complntrate', name: '投诉率', unit: '百分数(100%)' },
  { field: 'satisrate', name: '满意度', unit: '百分数(100%)' },
];
