import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import {
  component,
  fakeSource,
  sloSummary,
  system,
} from '../__testUtils__/fixtures';
import { TourService } from './TourService';
import { MAX_EXPLAINED_SERVICES } from './tourSloDefinitions';

const availability: SloDefinition = {
  name: 'availability',
  displayName: 'Availability',
  indicator: { name: 'requests', displayName: 'checkout requests' },
  window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.999 }],
  alertPolicies: [],
};

function withAnnotations(
  entity: Entity,
  annotations: Record<string, string>,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}

function setup(names: string[], annotate: (name: string) => boolean) {
  const members = names.map(name => {
    const entity = component(name, { owner: 'team-a', system: 'shop' });
    return annotate(name)
      ? withAnnotations(entity, {
          [ANNOTATIONS.sloDefinitions]: `./slos/${name}.yaml`,
        })
      : entity;
  });
  const root = system(
    'shop',
    undefined,
    names.map(name => `component:default/${name}`),
  );
  const catalog = catalogServiceMock({ entities: [root, ...members] });
  const loader = {
    load: jest.fn(async (entity: Entity) => {
      if (entity.metadata.name === 'broken') {
        throw new Error('file gone');
      }
      return { definitions: [availability] };
    }),
  };
  const slo = fakeSource(
    Object.fromEntries(
      names.map(name => [
        `component:default/${name}`,
        sloSummary(`component:default/${name}`),
      ]),
    ),
  );
  const tour = new TourService({
    catalog,
    sources: { slo },
    sloDefinitions: loader,
  });
  return { tour, loader };
}

describe('TourService', () => {
  it('explains SLOs from definition files, loading only SLO-annotated services', async () => {
    const { tour, loader } = setup(
      ['orders', 'emails', 'broken'],
      name => name !== 'emails',
    );
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(2);
    const byRef = Object.fromEntries(
      result.readingPath.map(step => [step.entityRef, step.slos]),
    );
    expect(byRef['component:default/orders']).toEqual([
      {
        name: 'Availability',
        meaning: expect.stringMatching(
          /^99\.9% of events for "checkout requests" must be good over 28d/,
        ),
      },
    ]);
    // Unreadable definitions and services without SLO annotations fall back to the SLO count.
    expect(byRef['component:default/broken']).toEqual([
      expect.objectContaining({ name: '1 SLO' }),
    ]);
    expect(byRef['component:default/emails']).toEqual([
      expect.objectContaining({ name: '1 SLO' }),
    ]);
  });

  it('asks the SLO area for the definitions of services that declare SLOs inline', async () => {
    const orders = withAnnotations(
      component('orders', { owner: 'team-a', system: 'shop' }),
      { [ANNOTATIONS.sloInline]: 'apiVersion: openslo/v1' },
    );
    const catalog = catalogServiceMock({
      entities: [
        system('shop', undefined, ['component:default/orders']),
        orders,
      ],
    });
    const loader = {
      load: jest.fn(async () => ({ definitions: [availability] })),
    };
    const tour = new TourService({
      catalog,
      sources: {},
      sloDefinitions: loader,
    });
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(1);
    expect(result.readingPath[0].slos[0].name).toBe('Availability');
  });

  it('bounds the definition loads of a large tour', async () => {
    const names = Array.from(
      { length: MAX_EXPLAINED_SERVICES + 10 },
      (_, i) => `svc-${String(i).padStart(3, '0')}`,
    );
    const { tour, loader } = setup(names, () => true);
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(MAX_EXPLAINED_SERVICES);
    // The services loaded are the first ones of the reading path.
    expect(result.readingPath[0].slos[0].name).toBe('Availability');
    expect(result.readingPath.at(-1)?.slos[0].name).toBe('1 SLO');
  });
});
