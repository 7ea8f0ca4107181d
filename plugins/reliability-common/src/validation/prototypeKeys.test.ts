import { findPrototypeKey } from './prototypeKeys';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findPrototypeKey', () => {
  it('finds forbidden keys in objects and arrays, with their path', () => {
    expect(
      findPrototypeKey(JSON.parse('{"spec":{"__proto__":{"x":1}}}')),
    ).toEqual({ reason: 'forbidden-key', path: ['spec', '__proto__'] });
    expect(
      findPrototypeKey({ list: [{ ok: 1 }, { constructor: { x: 1 } }] }),
    ).toEqual({ reason: 'forbidden-key', path: ['list', '1', 'constructor'] });
    expect(findPrototypeKey({ a: { prototype: 1 } })?.path).toEqual([
      'a',
      'prototype',
    ]);
  });

  it('accepts clean values and primitives', () => {
    expect(findPrototypeKey({ a: [1, 'two', null, { b: true }] })).toBe(
      undefined,
    );
    expect(findPrototypeKey('text')).toBe(undefined);
    expect(findPrototypeKey(null)).toBe(undefined);
  });

  it('refuses nesting deeper than the limit', () => {
    expect(findPrototypeKey(nested(32))).toBe(undefined);
    const found = findPrototypeKey(nested(33));
    expect(found?.reason).toBe('too-deep');
    expect(found?.path).toHaveLength(33);
    expect(findPrototypeKey(nested(3), 2)?.reason).toBe('too-deep');
  });
});
