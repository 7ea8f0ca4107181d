import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import {
  mockPolicyApi,
  testEntity,
  testGateActivity,
  testPolicy,
} from '../testData';
import { EntityPolicyCard } from './EntityPolicyCard';

async function renderCard(api: ReturnType<typeof mockPolicyApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <EntityPolicyCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityPolicyCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockPolicyApi({ getEntityPolicy: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    await renderCard(
      mockPolicyApi({
        getDeployGateActivity: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows the service state since when, each SLO, the changes and the deploy gate', async () => {
    await renderCard(mockPolicyApi());
    expect(
      await screen.findByText('Policy "default" (of its tier)'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('policy-service-since')).toHaveTextContent(
      /^Deploys blocked since Nov 19, \d\d:00 \(for 3 days\)$/,
    );
    expect(
      screen.getAllByText('Freeze feature releases; reliability work only.'),
    ).toHaveLength(1);
    const availability = screen.getByTestId('policy-slo-checkout-availability');
    expect(
      within(availability).getByText('Checkout availability'),
    ).toBeInTheDocument();
    expect(within(availability).getByText('Frozen')).toBeInTheDocument();
    expect(
      within(availability).getByText('exhausted (10% overspent)'),
    ).toBeInTheDocument();
    const latency = screen.getByTestId('policy-slo-checkout-latency');
    expect(within(latency).getByText('Ok')).toBeInTheDocument();
    expect(
      screen.getByText(/checkout-availability: Review → Frozen/),
    ).toBeInTheDocument();

    expect(
      screen.getByText(/Override by user:default\/ada until Nov 22/),
    ).toBeInTheDocument();
    expect(screen.getByText('Hotfix for INC-7')).toBeInTheDocument();
    const answers = screen.getByRole('table', {
      name: 'Last deploy-gate answers',
    });
    expect(within(answers).getByText('allow (override)')).toBeInTheDocument();
    expect(within(answers).getByText('deny')).toBeInTheDocument();
    expect(
      within(answers).getByText('https://ci.example.com/run/42'),
    ).toBeInTheDocument();
  });

  it('explains an entity without SLOs, an unknown policy annotation and stale data', async () => {
    await renderCard(
      mockPolicyApi({
        getEntityPolicy: async () =>
          testPolicy({
            service: null,
            slos: [],
            history: [],
            staleSlos: ['checkout-availability'],
            problem:
              "The reliability.sre-portal.dev/policy annotation names the policy 'nope'",
          }),
        getDeployGateActivity: async () =>
          testGateActivity({ answers: [], activeOverrides: [] }),
      }),
    );
    expect(await screen.findByText('No SLOs')).toBeInTheDocument();
    expect(screen.getByText(/names the policy 'nope'/)).toBeInTheDocument();
    expect(screen.getByText(/some SLI data is stale/)).toBeInTheDocument();
    expect(
      screen.getByText(/No pipeline has asked the deploy gate yet/),
    ).toBeInTheDocument();
  });
});
