// #region README
import { EntityLayout, EntitySwitch, isKind } from '@backstage/plugin-catalog';
import {
  EntityAlertsCard,
  EntityCampaignsCard,
  EntityGroupAlertsCoverageCard,
  EntityGroupLearningProgressCard,
  EntityGroupOnCallCard,
  EntityGroupOnCallContent,
  EntityGroupPostmortemsCard,
  EntityGroupTrendsCard,
  EntityIncidentsCard,
  EntityMaturityContent,
  EntityOnCallCard,
  EntityPolicyCard,
  EntityReliabilityContent,
  EntityRunbooksCard,
  EntityRunbooksContent,
  EntitySloCard,
  EntitySloContent,
  hasRunbooks,
  hasSloDefinitions,
  isReliabilityAvailable,
} from '@internal/backstage-plugin-reliability';
import Grid from '@material-ui/core/Grid';
// #endregion
import { catalogPlugin } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
// The test compares the README beside this file with its snippet: jest runs in Node, where fs and path exist.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'fs';
// eslint-disable-next-line no-restricted-imports
import { resolve } from 'path';
import { Entity } from '@backstage/catalog-model';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from './__testUtils__/mockReliabilityApi';
import { areaCardsApi } from './__testUtils__/areaCardsApi';
import { reliabilityApiRef } from './api';
import { emptySeries } from './components/trends/testData';

// #region README
const serviceOverviewCards = (
  <Grid container spacing={3}>
    <EntitySwitch>
      <EntitySwitch.Case if={isReliabilityAvailable}>
        <Grid item xs={12} md={6}>
          <EntitySloCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityOnCallCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityPolicyCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityCampaignsCard />
        </Grid>
        <Grid item xs={12}>
          <EntityAlertsCard />
        </Grid>
        <Grid item xs={12}>
          <EntityIncidentsCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    <EntitySwitch>
      <EntitySwitch.Case if={hasRunbooks}>
        <Grid item xs={12} md={6}>
          <EntityRunbooksCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  </Grid>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {serviceOverviewCards}
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/reliability"
      title="Reliability"
      if={isReliabilityAvailable}
    >
      <EntityReliabilityContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/slos" title="SLOs" if={hasSloDefinitions}>
      <EntitySloContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/runbooks" title="Runbooks" if={hasRunbooks}>
      <EntityRunbooksContent />
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/maturity"
      title="Maturity"
      if={isReliabilityAvailable}
    >
      <EntityMaturityContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <EntityGroupOnCallCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityGroupAlertsCoverageCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityGroupPostmortemsCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityGroupTrendsCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityGroupLearningProgressCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/oncall" title="On-call">
      <EntityGroupOnCallContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case children={serviceEntityPage} />
  </EntitySwitch>
);
// #endregion

/** The code between the README markers of this file, as the README shows it. */
function snippet(): string {
  const source = readFileSync(__filename, 'utf8');
  const regions = [
    ...source.matchAll(/\/\/ #region README\n([\s\S]*?)\/\/ #endregion\n/g),
  ].map(match => match[1]);
  return regions.join('\n');
}

async function renderEntityPage(entity: Entity) {
  const api = {
    ...mockReliabilityApi(),
    ...areaCardsApi(),
    getTrendSeries: jest.fn(async () => emptySeries),
  };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api as any],
        [catalogApiRef, catalogApiMock()],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>{entityPage}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

describe('README: EntityPage.tsx of a legacy app', () => {
  it('is the code of this test', () => {
    const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`tsx\n${snippet()}\`\`\``);
  });

  it('gives services the reliability tabs and the SLO, on-call and runbook cards', async () => {
    await renderEntityPage(testService);
    for (const tab of [
      'Overview',
      'Reliability',
      'SLOs',
      'Runbooks',
      'Maturity',
    ]) {
      expect(await screen.findByRole('tab', { name: tab })).toBeInTheDocument();
    }
    expect(
      await screen.findByText('Service level objectives'),
    ).toBeInTheDocument();
    expect(await screen.findByText('On-call')).toBeInTheDocument();
    expect(
      await screen.findByText('Runbooks, rollback procedures and postmortems'),
    ).toBeInTheDocument();
  });

  it('puts the policy, campaigns, alerts and incidents cards on the Overview of a service', async () => {
    const api = await renderEntityPage(testService);
    expect(
      await screen.findByText('Policy "default" (of its tier)'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Tier-1 reaches Beginner'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('alert-counts')).toHaveTextContent(
      '4 alerts, 3 paging, 1 firing',
    );
    expect(await screen.findByTestId('incident-counts')).toHaveTextContent(
      '3 incidents, 1 open',
    );
    expect(api.getEntityPolicy).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('leaves out the SLO and Runbooks tabs of a service without them', async () => {
    await renderEntityPage({
      ...testService,
      metadata: { name: 'bare', namespace: 'default' },
    });
    expect(
      await screen.findByRole('tab', { name: 'Reliability' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'SLOs' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Runbooks' }),
    ).not.toBeInTheDocument();
  });

  it('gives groups the on-call card and tab', async () => {
    await renderEntityPage(testTeam);
    expect(
      await screen.findByRole('tab', { name: 'On-call' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Reliability' }),
    ).not.toBeInTheDocument();
    expect(await screen.findByText('On call now')).toBeInTheDocument();
  });

  it("gives groups the team's monitoring coverage and postmortem follow-up", async () => {
    const api = await renderEntityPage(testTeam);
    expect(await screen.findByTestId('coverage-summary')).toHaveTextContent(
      'Runbook coverage 67%',
    );
    expect(await screen.findByTestId('follow-up-counts')).toHaveTextContent(
      '1 postmortem overdue',
    );
    expect(api.getIncidentFollowUp).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });

  it("gives groups the team's reliability trend and aggregated onboarding progress", async () => {
    const api = await renderEntityPage(testTeam);
    expect(
      await screen.findByText('Team reliability trend'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/^No snapshots yet: the first is taken /),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('team-learning-summary'),
    ).toHaveTextContent('1 of 4 members finished the path');
    expect(api.getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 180,
    });
    expect(api.getTeamLearningProgress).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
  });
});
