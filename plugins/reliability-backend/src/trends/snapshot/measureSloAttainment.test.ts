import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntitySlo } from '@internal/backstage-plugin-reliability-common';
import { component, slo, sloStates } from '../__testUtils__/trendsFixtures';
import { measureSloAttainment, ORG } from './measureSloAttainment';

const SERVICES = 250;

function setup() {
  const entities = [
    ...Array.from({ length: SERVICES }, (_, i) =>
      component(`svc-${i}`, {
        owner: i % 2 ? 'team-odd' : 'team-even',
        slos: true,
      }),
    ),
    component('no-slos', { owner: 'team-odd' }),
  ];
  const byRef: Record<string, EntitySlo[]> = {};
  for (let i = 0; i < SERVICES; i++) {
    byRef[`component:default/svc-${i}`] = [
      slo('availability', '28d', i % 5 !== 0),
      slo('latency', '7d', null),
    ];
  }
  return {
    catalog: catalogServiceMock({ entities }),
    slos: sloStates(byRef),
    byRef,
  };
}

describe('measureSloAttainment', () => {
  it('reads the SLO states of a page of entities per call', async () => {
    const { catalog, slos } = setup();
    const rows = await measureSloAttainment({
      catalog,
      slos,
      credentials: mockCredentials.service(),
    });
    // 250 services in pages of 100; the entity without SLOs is not asked for.
    expect(slos.calls.map(refs => refs.length)).toEqual([100, 100, 50]);
    expect(new Set(slos.calls.flat()).size).toBe(SERVICES);
    expect(rows.filter(r => r.teamRef === ORG)).toEqual([
      {
        teamRef: ORG,
        window: '28d rolling',
        sloCount: 250,
        measuredCount: 250,
        metCount: 200,
      },
      {
        teamRef: ORG,
        window: '7d rolling',
        sloCount: 250,
        measuredCount: 0,
        metCount: 0,
      },
    ]);
    expect(
      rows.find(
        r =>
          r.teamRef === 'group:default/team-odd' && r.window === '28d rolling',
      ),
    ).toMatchObject({ sloCount: 125, metCount: 100 });
  });

  it('leaves out the entities whose SLOs cannot be read and tells why', async () => {
    const { catalog, slos, byRef } = setup();
    delete byRef['component:default/svc-3'];
    const onError = jest.fn();
    const rows = await measureSloAttainment({
      catalog,
      slos,
      credentials: mockCredentials.service(),
      onError,
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(
      'component:default/svc-3',
      expect.any(Error),
    );
    expect(rows.find(r => r.teamRef === ORG)?.sloCount).toBe(249);

    // A failing read leaves out its whole page, each entity reported.
    slos.failing = true;
    onError.mockClear();
    expect(
      await measureSloAttainment({
        catalog,
        slos,
        credentials: mockCredentials.service(),
        onError,
      }),
    ).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(SERVICES - 1 + 1);
  });
});
