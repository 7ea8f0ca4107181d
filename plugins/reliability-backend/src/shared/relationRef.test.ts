import { Entity } from '@backstage/catalog-model';
import { JsonValue } from '@backstage/types';
import { ownerRefOf, relationRef } from './relationRef';

const component = (
  owner: JsonValue | undefined,
  namespace?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', ...(namespace ? { namespace } : {}) },
  spec: { owner },
});

describe('relationRef', () => {
  it('resolves shorthand against the default kind and namespace', () => {
    expect(relationRef('team-a', 'group', 'payments')).toBe(
      'group:payments/team-a',
    );
    expect(relationRef('user:default/ana', 'group', 'payments')).toBe(
      'user:default/ana',
    );
    expect(relationRef('', 'group', 'default')).toBeUndefined();
    expect(relationRef(42, 'group', 'default')).toBeUndefined();
  });
});

describe('ownerRefOf', () => {
  it("reads spec.owner as a group in the entity's namespace unless it names another kind", () => {
    expect(ownerRefOf(component('team-a'))).toBe('group:default/team-a');
    expect(ownerRefOf(component('Team-A', 'Payments'))).toBe(
      'group:payments/team-a',
    );
    expect(ownerRefOf(component('user:ana'))).toBe('user:default/ana');
  });

  it('is undefined without a usable owner', () => {
    expect(ownerRefOf(component(undefined))).toBeUndefined();
    expect(ownerRefOf(component('   '))).toBeUndefined();
    expect(ownerRefOf(component(7))).toBeUndefined();
    expect(ownerRefOf(component('group:'))).toBeUndefined();
  });
});
