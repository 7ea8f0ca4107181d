import {
  dbBoolean,
  dbCount,
  dbDate,
  dbIso,
  dbIsoOrNull,
  dbNumber,
  dbTextOrNull,
} from './dbValues';

const ISO = '2026-11-30T08:15:00.000Z';
const MS = Date.parse(ISO);

describe('dbValues', () => {
  it.each([
    ['a Date (PostgreSQL)', new Date(ISO)],
    ['epoch milliseconds (SQLite)', MS],
    ['epoch milliseconds as a string', String(MS)],
    ['an ISO string', ISO],
  ])('reads a timestamp given as %s', (_what, value) => {
    expect(dbDate(value).toISOString()).toBe(ISO);
    expect(dbIso(value)).toBe(ISO);
    expect(dbIsoOrNull(value)).toBe(ISO);
  });

  it('keeps a missing timestamp null', () => {
    expect(dbIsoOrNull(null)).toBeNull();
    expect(dbIsoOrNull(undefined)).toBeNull();
  });

  it('reads numbers given as numbers or strings, null when missing or not finite', () => {
    expect(dbNumber(12.5)).toBe(12.5);
    expect(dbNumber('9007199254740')).toBe(9007199254740);
    expect(dbNumber('0.25')).toBe(0.25);
    expect(dbNumber(null)).toBeNull();
    expect(dbNumber(undefined)).toBeNull();
    expect(dbNumber('abc')).toBeNull();
    expect(dbNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('reads counts, 0 when missing', () => {
    expect(dbCount('42')).toBe(42);
    expect(dbCount(7)).toBe(7);
    expect(dbCount(null)).toBe(0);
    expect(dbCount('x')).toBe(0);
  });

  it.each([
    [true, true],
    [1, true],
    ['1', true],
    ['t', true],
    [false, false],
    [0, false],
    ['0', false],
    ['f', false],
    [null, false],
  ])('reads the boolean %j as %j', (value, expected) => {
    expect(dbBoolean(value)).toBe(expected);
  });

  it('reads nullable text', () => {
    expect(dbTextOrNull('x')).toBe('x');
    expect(dbTextOrNull(3)).toBe('3');
    expect(dbTextOrNull(null)).toBeNull();
    expect(dbTextOrNull(undefined)).toBeNull();
  });
});
