import { entityRefKey } from './entityRefKey';

describe('entityRefKey', () => {
  it('is the same key for an entity, a compound ref and a string ref, whatever their case', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Checkout-API', namespace: 'Default' },
    };
    expect(entityRefKey(entity)).toBe('component:default/checkout-api');
    expect(
      entityRefKey({
        kind: 'COMPONENT',
        namespace: 'default',
        name: 'checkout-api',
      }),
    ).toBe('component:default/checkout-api');
    expect(entityRefKey('Component:checkout-API')).toBe(
      'component:default/checkout-api',
    );
  });

  it("lower-cases as the catalog's toLocaleLowerCase('en-US') does, for every code point that has a case", () => {
    const differing: string[] = [];
    for (let codePoint = 0; codePoint <= 0x1ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      // Planes 0 and 1 hold every letter with a case (Deseret, Osage, Adlam and the others of plane 1 included).
      // A final sigma lower-cases by context, so each code point is tried inside a word and at its end.
      const name = `A${String.fromCodePoint(
        codePoint,
      )}Σ-x${String.fromCodePoint(codePoint)}`;
      if (
        entityRefKey({ kind: 'Component', namespace: 'default', name }) !==
        `component:default/${name}`.toLocaleLowerCase('en-US')
      ) {
        differing.push(codePoint.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });
});
