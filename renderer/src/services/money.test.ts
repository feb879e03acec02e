import { describe, expect, it } from 'vitest';
import { formatFen } from './money';

describe('formatFen', () => {
  it.each([
    [0, '0.00 元'],
    [5, '0.05 元'],
    [1000530, '10,005.30 元'],
    [-250, '-2.50 元'],
  ])('%i → %s', (fen, text) => expect(formatFen(fen)).toBe(text));
});
