import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { scaffolderTemplateRouteRef } from '../../../routes';
import {
  mockPolicyApi,
  testEntity,
  testGateActivity,
  testPolicy,
} from '../testData';
import { EntityPolicyCard } from './EntityPolicyCard';

async function renderCard(
  api: ReturnType<typeof mockPolicyApi>,
  options: { scaffolder?: boolean } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <EntityPolicyCard />
      </EntityProvider>
    </TestApiProvider>,
    options.scaffolder
      ? {
          mountedRoutes: {
            '/create/templates/:namespace/:templateName':
              scaffolderTemplateRouteRef,
          },
        }
      : undefined,
  );
}

/** The row of the SLO whose name cell starts with `name` in the table of states per SLO. */
async function sloRow(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', {
    name: 'Policy state per SLO',
  });
  const row = within(table)
    .getAllByRole('row')
    .find(r => r.querySelector('td')?.textContent?.startsWith(name));
  if (!row) throw new Error(`No row of ${name}`);
  return row;
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
    const availability = await sloRow('Checkout availability');
    expect(
      within(availability).getByText('Checkout availability'),
    ).toBeInTheDocument();
    expect(within(availability).getByText('Frozen')).toBeInTheDocument();
    expect(
      within(availability).getByText('exhausted (10% overspent)'),
    ).toBeInTheDocument();
    const latency = await sloRow('checkout-latency');
    expect(within(latency).getByText('OK')).toBeInTheDocument();
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

  it('links the template that adds the step asking the gate while no pipeline asks it', async () => {
    const askTemplate = {
      templateRef: 'template:default/ask-deploy-gate',
      title: 'Ask the deploy gate before deploying',
    };
    const api = () =>
      mockPolicyApi({
        getDeployGateActivity: async () =>
          testGateActivity({ answers: [], activeOverrides: [], askTemplate }),
      });
    const { unmount } = await renderCard(api(), { scaffolder: true });
    const link = await screen.findByRole('link', { name: askTemplate.title });
    expect(link.getAttribute('href')).toMatch(
      /^\/create\/templates\/default\/ask-deploy-gate\?formData=/,
    );
    unmount();

    // Without a scaffolder in the app: the template's name, unlinked.
    await renderCard(api());
    expect(
      await screen.findByText(
        /the software template "Ask the deploy gate before deploying" writes one/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: askTemplate.title }),
    ).not.toBeInTheDocument();
  });

  it('names the policy an SLO file gives its SLO, and flags an unknown one', async () => {
    const policy = testPolicy();
    await renderCard(
      mockPolicyApi({
        getEntityPolicy: async () => ({
          ...policy,
          slos: [
            policy.slos[0],
            {
              ...policy.slos[1],
              problem: "The SLO 'checkout-latency' names the policy 'nope'",
            },
          ],
        }),
      }),
    );
    const latency = await sloRow('checkout-latency');
    expect(
      within(latency).getByText('policy "lenient" (named by the SLO file)'),
    ).toBeInTheDocument();
    expect(
      within(latency).getByText('unknown policy in the SLO file'),
    ).toBeInTheDocument();
    const availability = await sloRow('Checkout availability');
    expect(
      within(availability).queryByText(/named by the SLO file/),
    ).toBeNull();
  });

  it('says until when a state is only kept after its condition stopped holding', async () => {
    const policy = testPolicy();
    const keptUntil = '2026-11-22T12:30:00.000Z';
    await renderCard(
      mockPolicyApi({
        getEntityPolicy: async () => ({
          ...policy,
          service: { ...policy.service!, keptUntil },
          slos: [{ ...policy.slos[0], keptUntil }, policy.slos[1]],
        }),
      }),
    );
    const availability = await sloRow('Checkout availability');
    expect(
      within(availability).getByText(
        /^kept until Nov 22, \d\d:30 unless its condition holds again$/,
      ),
    ).toBeInTheDocument();
    expect(
      within(await sloRow('checkout-latency')).queryByText(/kept until/),
    ).toBeNull();
    expect(screen.getAllByText(/kept until Nov 22/)).toHaveLength(2);
  });

  it("shows the policy's rules on request, in order, with the one the service is in now", async () => {
    const policy = testPolicy();
    await renderCard(
      mockPolicyApi({
        getEntityPolicy: async () => ({
          ...policy,
          policy: {
            ...policy.policy,
            maxSloDataAgeMinutes: 10,
            rules: policy.policy.rules.map(rule =>
              rule.state === 'halted' ? { ...rule, keepForMinutes: 30 } : rule,
            ),
          },
        }),
      }),
    );
    const toggle = await screen.findByRole('button', {
      name: "The policy's rules (3)",
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const rules = within(
      screen.getByRole('list', { name: 'Rules of policy default' }),
    ).getAllByRole('listitem');
    expect(rules.map(rule => rule.textContent)).toEqual([
      'HaltedWhen a page-severity burn-rate alert fires: deploys blockedHalt deploys until the page-severity burn is resolved; only fixes for the incident ship. (kept 30 min after it stops holding, even if SLO data goes missing)',
      'FrozenWhen the error budget is exhausted: deploys blocked (applies now)Freeze feature releases; reliability work only.',
      'ReviewWhen less than 25 % of the error budget is left: deploy with careReview risky changes before they ship; prefer small, reversible releases.',
    ]);
    expect(
      screen.getByText(
        'The deploy gate judges on SLO figures at most 10 minutes old; older ones are said in its answer.',
      ),
    ).toBeInTheDocument();
  });

  it('revokes an active override with a reason and reloads', async () => {
    const revokeDeployGateOverride = jest.fn(async () => ({} as any));
    const getDeployGateActivity = jest
      .fn()
      .mockResolvedValueOnce(testGateActivity())
      .mockResolvedValue(
        testGateActivity({
          activeOverrides: [],
          recentOverrides: [
            {
              ...testGateActivity().activeOverrides[0],
              revoked: {
                at: '2026-11-22T12:00:00.000Z',
                by: 'user:default/grace',
                reason: 'Hotfix shipped',
              },
            },
          ],
        }),
      );
    await renderCard(
      mockPolicyApi({ revokeDeployGateOverride, getDeployGateActivity }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Revoke' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Why it ends early'), {
      target: { value: 'Hotfix shipped' },
    });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(revokeDeployGateOverride).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'checkout-api' },
        'o-1',
        { reason: 'Hotfix shipped' },
      ),
    );
    expect(
      await screen.findByText(
        /Override by user:default\/ada revoked by user:default\/grace on Nov 22, \d\d:00: Hotfix shipped/,
      ),
    ).toBeInTheDocument();
  });

  it('lists an override that ended in the last week, and who asked the gate, breakable after its prefix', async () => {
    const ended = {
      ...testGateActivity().activeOverrides[0],
      createdAt: '2026-11-20T10:00:00.000Z',
      expiresAt: '2026-11-20T12:00:00.000Z',
      reason: 'Hotfix for the decline spike',
    };
    await renderCard(
      mockPolicyApi({
        getDeployGateActivity: async () =>
          testGateActivity({ activeOverrides: [], recentOverrides: [ended] }),
      }),
    );
    expect(
      await screen.findByText(
        /Override by user:default\/ada from Nov 20, \d\d:00 until Nov 20, \d\d:00 \(ended\): Hotfix for the decline spike/,
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Last deploy-gate answers',
    });
    const askedBy = within(table).getAllByRole('row')[1].children[2];
    expect(askedBy.querySelectorAll('wbr').length).toBeGreaterThan(0);
  });

  it('shows why a revocation was refused', async () => {
    await renderCard(
      mockPolicyApi({
        revokeDeployGateOverride: async () => {
          throw Object.assign(new Error('Request failed'), {
            body: { error: { message: 'You may not revoke overrides' } },
          });
        },
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Why it ends early'), {
      target: { value: 'Not needed' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You may not revoke overrides',
    );
  });
});
