import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { reliabilityApiRef } from '../api';
import { useEntityReliability } from './useEntityReliability';

function component(name: string, namespace = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
  };
}

function renderLoader(entity: Entity, query: string) {
  const api = {};
  const load = jest.fn(
    async (_api: unknown, ref: { name: string }, q: string) =>
      `${ref.name}?${q}`,
  );
  let current = entity;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={current}>{children}</EntityProvider>
    </TestApiProvider>
  );
  const hook = renderHook(
    ({ q }: { q: string }) =>
      useEntityReliability((a, ref) => load(a, ref, q), [q]),
    { wrapper, initialProps: { q: query } },
  );
  return {
    api,
    load,
    hook,
    setEntity(next: Entity, q: string) {
      current = next;
      hook.rerender({ q });
    },
  };
}

describe('useEntityReliability', () => {
  it('loads with the API and the entity ref as written in the catalog', async () => {
    const { api, load, hook } = renderLoader(component('Checkout-API'), 'a');
    await waitFor(() =>
      expect(hook.result.current.value).toBe('Checkout-API?a'),
    );
    expect(load).toHaveBeenCalledWith(
      api,
      { kind: 'Component', namespace: 'default', name: 'Checkout-API' },
      'a',
    );
  });

  it('does not reload for a copy of the same entity, whatever its case', async () => {
    const { load, hook, setEntity } = renderLoader(component('checkout'), 'a');
    await waitFor(() => expect(hook.result.current.value).toBe('checkout?a'));
    setEntity(component('Checkout', 'Default'), 'a');
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reloads when the entity or a dependency changes, and on retry', async () => {
    const { load, hook, setEntity } = renderLoader(component('checkout'), 'a');
    await waitFor(() => expect(hook.result.current.value).toBe('checkout?a'));
    setEntity(component('ledger'), 'a');
    await waitFor(() => expect(hook.result.current.value).toBe('ledger?a'));
    setEntity(component('ledger'), 'b');
    await waitFor(() => expect(hook.result.current.value).toBe('ledger?b'));
    act(() => hook.result.current.retry());
    await waitFor(() => expect(load).toHaveBeenCalledTimes(4));
  });
});
