import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { MaturitySummary } from '@internal/backstage-plugin-reliability-common';
import { MAX_ROLLUP_SERVICES, OverviewService } from './OverviewService';
import { component } from './__testUtils__/fixtures';
import { giveWay, nextTurn } from '../shared/giveWay';

jest.mock('../shared/giveWay', () => {
  const actual = jest.requireActual('../shared/giveWay');
  return {
    ...actual,
    giveWay: jest.fn(actual.giveWay),
    nextTurn: jest.fn(actual.nextTurn),
  };
});

function setup(count: number) {
  const catalog = catalogServiceMock({
    entities: Array.from({ length: count }, (_, i) =>
      component(`svc-${String(i).padStart(5, '0')}`, {
        owner: `team-${i % 3}`,
      }),
    ),
  });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const maturity = {
    getSummaries: jest.fn(
      async (_refs: string[]) => new Map<string, MaturitySummary>(),
    ),
  };
  const service = new OverviewService({ catalog, sources: { maturity } });
  return { service, queryEntities, maturity };
}

describe('OverviewService roll-ups over many catalog pages', () => {
  it('reads every page of services, with one summaries call per page', async () => {
    const { service, queryEntities, maturity } = setup(2500);
    const result = await service.getGroupSummaries(
      'team',
      mockCredentials.user(),
    );
    expect(result.serviceCount).toBe(2500);
    expect(result.truncated).toBe(false);
    expect(result.groups.map(g => g.serviceCount)).toEqual([834, 833, 833]);
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(
      maturity.getSummaries.mock.calls.map(([refs]) => refs.length),
    ).toEqual([1000, 1000, 500]);
  });

  it('never waits for in-flight web requests between pages: it serves one itself', async () => {
    jest.mocked(giveWay).mockClear();
    jest.mocked(nextTurn).mockClear();
    const { service } = setup(2500);
    await service.getGroupSummaries('team', mockCredentials.user());
    expect(giveWay).not.toHaveBeenCalled();
    expect(nextTurn).toHaveBeenCalledTimes(3);
  });

  it(`stops at ${MAX_ROLLUP_SERVICES} services, says so and reads no page past the cap`, async () => {
    const { service, queryEntities, maturity } = setup(
      MAX_ROLLUP_SERVICES + 500,
    );
    const result = await service.getGroupSummaries(
      'team',
      mockCredentials.user(),
    );
    expect(result.serviceCount).toBe(MAX_ROLLUP_SERVICES);
    expect(result.truncated).toBe(true);
    expect(queryEntities).toHaveBeenCalledTimes(MAX_ROLLUP_SERVICES / 1000);
    expect(maturity.getSummaries).toHaveBeenCalledTimes(
      MAX_ROLLUP_SERVICES / 1000,
    );
  });
});
