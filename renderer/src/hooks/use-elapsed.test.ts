import { describe, expect, it } from 'vitest';
import { formatDuration } from './use-elapsed';

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [59, '00:59'],
    [61, '01:01'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
  ])('%i s → %s', (s, text) => expect(formatDuration(s)).toBe(text));
});
