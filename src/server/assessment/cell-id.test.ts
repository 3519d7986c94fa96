import { describe, expect, it } from 'vitest';
import { cellId } from './cell-id.js';

describe('assessment cell id', () => {
  it('a cell has one id, the same for every save', () => {
    const id = cellId('o', 'p', 'q', 'r');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cellId('o', 'p', 'q', 'r')).toBe(id);
    expect(cellId('o', 'p', 'q', 's')).not.toBe(id);
  });
});
