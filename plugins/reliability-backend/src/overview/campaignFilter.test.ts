import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import { OverviewService } from './OverviewService';
import { createOverviewRouter } from './router';
import { CampaignMembership, OverviewSources } from './sources';
import { BlastRadiusService } from './tour/blastRadius/BlastRadiusService';
import { TourService } from './tour/TourService';
import { component, fakeSource, system } from './__testUtils__/fixtures';

const names = ['svc-a', 'svc-b', 'svc-c', 'svc-d', 'svc-e', 'outside'];

/** The campaign `tier-1-beginner` holds every service but `outside`; svc-b and svc-d meet its target. */
function campaigns(): CampaignMembership & { servicesOf: jest.Mock } {
  return {
    servicesOf: jest.fn(async (id: string) =>
      id === 'tier-1-beginner'
        ? names
            .filter(name => name !== 'outside')
            .map(name => ({
              entityRef: `component:default/${name}`,
              done: name === 'svc-b' || name === 'svc-d',
            }))
            // Plus a service the catalog no longer has (or the caller cannot see).
            .concat([{ entityRef: 'component:default/gone', done: false }])
        : undefined,
    ),
  };
}

function setup(sources: Partial<OverviewSources> = {}) {
  const catalog = catalogServiceMock({
    entities: [
      system('shop'),
      ...names.map((name, i) =>
        component(name, {
          owner: i % 2 === 0 ? 'team-a' : 'team-b',
          system: 'shop',
          tier: 'tier-1',
        }),
      ),
    ],
  });
  const all: OverviewSources = { slo: fakeSource({}), ...sources };
  const router = createOverviewRouter({
    permissions: mockServices.permissions(),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(),
    }),
    overview: new OverviewService({ catalog, sources: all }),
    tour: new TourService({
      catalog,
      sources: all,
      sloDefinitions: { load: async () => ({ definitions: [] }) },
    }),
    blastRadius: new BlastRadiusService({ catalog, sources: all }),
    csvMaxRows: 100_000,
  });
  return express().use(router).use(mockErrorHandler());
}

const namesOf = (response: request.Response) =>
  response.body.items.map((row: { name: string }) => row.name);

describe('overview campaign filter', () => {
  it('lists the services in the campaign scope, across pages and with other filters', async () => {
    const membership = campaigns();
    const app = setup({ campaigns: membership });
    const first = await request(app).get(
      '/overview?campaign=tier-1-beginner&limit=3',
    );
    expect(first.status).toBe(200);
    // component:default/gone (first in ref order) is not in the catalog: dropped from its page.
    expect(namesOf(first)).toEqual(['svc-a', 'svc-b']);
    expect(first.body.totalItems).toBe(6);
    expect(membership.servicesOf).toHaveBeenCalledWith(
      'tier-1-beginner',
      expect.objectContaining({ principal: expect.anything() }),
    );
    const second = await request(app).get(
      `/overview?limit=3&cursor=${first.body.pageInfo.nextCursor}`,
    );
    expect(namesOf(second)).toEqual(['svc-c', 'svc-d', 'svc-e']);
    expect(second.body.pageInfo.nextCursor).toBeUndefined();

    const teamA = await request(app).get(
      '/overview?campaign=tier-1-beginner&team=team-a&order=desc',
    );
    expect(namesOf(teamA)).toEqual(['svc-e', 'svc-c', 'svc-a']);

    const csv = await request(app).get(
      '/overview.csv?campaign=tier-1-beginner',
    );
    expect(csv.text.trim().split('\r\n')).toHaveLength(6);
  });

  it('lists only the services not done yet with campaignOpen=true', async () => {
    const app = setup({ campaigns: campaigns() });
    const open = await request(app).get(
      '/overview?campaign=tier-1-beginner&campaignOpen=true',
    );
    expect(open.status).toBe(200);
    expect(namesOf(open)).toEqual(['svc-a', 'svc-c', 'svc-e']);
    const all = await request(app).get(
      '/overview?campaign=tier-1-beginner&campaignOpen=false',
    );
    expect(namesOf(all)).toEqual(['svc-a', 'svc-b', 'svc-c', 'svc-d', 'svc-e']);
  });

  it.each([
    ['campaign=no-such-campaign', /Unknown campaign 'no-such-campaign'/],
    ['campaign=Tier%201', /campaign/],
    ['campaign=tier-1-beginner&campaignOpen=yes', /campaignOpen/],
    ['campaignOpen=true', /campaignOpen needs a campaign/],
    ['campaign=tier-1-beginner&level=gold', /cannot be combined/],
    ['campaign=tier-1-beginner&policy=frozen', /cannot be combined/],
    ['campaign=a&campaign=b', /campaign/],
  ])('answers 400 to %s', async (query, message) => {
    const app = setup({ campaigns: campaigns() });
    for (const path of ['/overview', '/overview.csv']) {
      const response = await request(app).get(`${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('answers 400 when the campaigns area is not installed', async () => {
    const response = await request(setup()).get(
      '/overview?campaign=tier-1-beginner',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/campaigns area/);
  });
});
