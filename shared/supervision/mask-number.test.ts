import { describe, expect, it } from 'vitest';
import { maskNumber } from './mask-number.js';
import { DEFAULT_BOARD_THRESHOLDS, agentFlags, serviceLevel } from './board-thresholds.js';

describe('maskNumber', () => {
  it('hides the middle of mobiles and landlines, and all of a short number', () => {
    expect(maskNumber('13912349000')).toBe('139****9000');
    expect(maskNumber('057188881234')).toBe('057****1234');
    expect(maskNumber('95533')).toBe('****5533');
    expect(maskNumber('110')).toBe('****');
  });
});

describe('board flags', () => {
  const t = DEFAULT_BOARD_THRESHOLDS;
  it('flags a long call, a long 示忙 and ACW over the limit, and nothing below them', () => {
    expect(agentFlags('talking', 0, 601_000, t)).toEqual(['long_call']);
    expect(agentFlags('talking', 0, 600_000, t)).toEqual([]);
    expect(agentFlags('not_ready', 0, 901_000, t)).toEqual(['long_not_ready']);
    expect(agentFlags('after_call_work', 0, 31_000, t)).toEqual(['acw_over']);
    expect(agentFlags('ready', 0, 10_000_000, t)).toEqual([]);
  });
  it('gives the service level in percent, or null without offered calls', () => {
    expect(serviceLevel(2, 3)).toBe(66.67);
    expect(serviceLevel(0, 0)).toBeNull();
  });
});
