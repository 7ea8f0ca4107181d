import { Entity } from '@backstage/catalog-model';
import { acknowledgeTargetOf } from './acknowledgeTarget';

const REF = 'group:default/payments';

function owner(value?: string): { ref: string; entity: Entity } {
  return {
    ref: REF,
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'payments',
        annotations:
          value === undefined
            ? {}
            : { 'reliability.sre-portal.dev/acknowledge-target': value },
      },
    },
  };
}

describe('acknowledgeTargetOf', () => {
  it("reads the owning Group's target as a duration", () => {
    expect(acknowledgeTargetOf(owner('10m'), 900)).toEqual({
      seconds: 600,
      setBy: REF,
      problem: null,
    });
    expect(acknowledgeTargetOf(owner(' 1h '), 900).seconds).toBe(3600);
    expect(acknowledgeTargetOf(owner('1d'), 900).seconds).toBe(86400);
  });

  it('uses the default without an owner, an owner entity or an annotation', () => {
    const fallback = { seconds: 900, setBy: null, problem: null };
    expect(acknowledgeTargetOf(undefined, 900)).toEqual(fallback);
    expect(acknowledgeTargetOf({ ref: REF, entity: undefined }, 900)).toEqual(
      fallback,
    );
    expect(acknowledgeTargetOf(owner(), 900)).toEqual(fallback);
  });

  it.each(['10 minutes', '', '1M', '30s', '2d', 'PT10M'])(
    'falls back to the default for %p and says why',
    value => {
      expect(acknowledgeTargetOf(owner(value), 900)).toEqual({
        seconds: 900,
        setBy: null,
        problem: `${REF} sets reliability.sre-portal.dev/acknowledge-target to '${value}', not a duration like 10m between 1 minute and 1 day, so the organisation's default applies`,
      });
    },
  );

  it('shortens a long invalid value in the explanation', () => {
    const { problem } = acknowledgeTargetOf(owner('x'.repeat(500)), 900);
    expect(problem).toContain(`'${'x'.repeat(40)}…'`);
    expect(problem!.length).toBeLessThan(260);
  });
});
