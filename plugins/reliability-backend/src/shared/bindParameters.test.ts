import {
  BIND_PARAMETER_BUDGET,
  chunkRows,
  rowsPerStatement,
} from './bindParameters';

describe('bindParameters', () => {
  it('fits as many rows in a statement as their columns allow', () => {
    expect(rowsPerStatement(9)).toBe(111);
    expect(rowsPerStatement(BIND_PARAMETER_BUDGET + 1)).toBe(1);
  });

  it('chunks rows by their number of columns', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ a: i, b: i, c: i }));
    expect(chunkRows(rows).map(c => c.length)).toEqual([250]);
    const wide = Array.from({ length: 250 }, (_, i) =>
      Object.fromEntries(Array.from({ length: 10 }, (__, k) => [`c${k}`, i])),
    );
    expect(chunkRows(wide).map(c => c.length)).toEqual([99, 99, 52]);
    expect(chunkRows([])).toEqual([]);
  });
});
