import { screen, within } from '@testing-library/react';
import { mockOnCallApi, okState, testEntity, testSnapshot } from '../testData';
import { EntityOnCallCard } from './EntityOnCallCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockOnCallApi>) {
  return renderWithEntity(testEntity, <EntityOnCallCard />, api);
}

describe('EntityOnCallCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockOnCallApi({ getEntityOnCall: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains which annotation to add when on-call is not configured', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () => ({
          status: 'not-configured',
          entityRef: 'component:default/checkout',
          annotations: [
            'reliability.sre-portal.dev/oncall-schedule',
            'pagerduty.com/service-id',
          ],
        }),
      }),
    );
    expect(
      await screen.findByText('No on-call configured for this entity.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('reliability.sre-portal.dev/oncall-schedule'),
    ).toBeInTheDocument();
  });

  it('shows primary, secondary, next handoff, escalation, owner, contact and provider link', async () => {
    const api = mockOnCallApi();
    await renderCard(api);
    const primary = await screen.findByTestId('oncall-primary');
    expect(api.getEntityOnCall).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(
      within(primary).getByRole('link', { name: 'Ana Silva' }),
    ).toHaveAttribute('href', '/catalog/default/user/ana.silva');
    // "until" is followed by a time, and how far off it is in brackets (not "until in 3 hours").
    expect(primary).toHaveTextContent(/on call until \w{3}, .+ \(in 3 hours\)/);
    expect(screen.getByTestId('oncall-secondary')).toHaveTextContent(
      /Bo Chen \(bo@example.com\) until \w{3}, .+ \(in 2 days\)/,
    );
    expect(screen.getByTestId('oncall-next')).toHaveTextContent(
      /Cy Doe .* takes over in 3 hours/,
    );
    const escalation = screen.getByTestId('oncall-escalation');
    expect(escalation).toHaveTextContent('Level 1: Checkout primary');
    expect(
      within(escalation).getByText(/escalates after 15 min/),
    ).toBeInTheDocument();
    expect(
      within(escalation).getByRole('link', { name: 'Runbook' }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/checkout');
    expect(screen.getByRole('link', { name: /payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(screen.getByText(/slack:/)).toHaveTextContent(
      'slack: #checkout-oncall',
    );
    expect(
      screen.getByRole('link', { name: 'Open in PagerDuty' }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PSVC1',
    );
  });

  it('shows every level with its runbook (entity runbook ids resolved) and people by display name', async () => {
    const api = mockOnCallApi({
      getEntityOnCall: async () =>
        okState(
          testSnapshot({
            escalation: [
              {
                level: 1,
                escalateAfterMinutes: 10,
                targets: [{ kind: 'schedule', name: 'Checkout primary' }],
                runbook: 'checkout-slow',
              },
              {
                level: 2,
                escalateAfterMinutes: 15,
                targets: [{ kind: 'schedule', name: 'SRE primary' }],
                runbook: 'https://wiki.example.com/sre/major-incident',
              },
              {
                level: 3,
                targets: [
                  {
                    kind: 'person',
                    name: 'Amara Okafor',
                    person: {
                      name: 'Amara Okafor',
                      email: 'amara@example.com',
                      userRef: 'user:default/amara.okafor',
                    },
                  },
                ],
                runbook: 'unknown-id',
              },
            ],
          }),
        ),
      getEntityRunbooks: jest.fn(async () => ({
        runbooks: [
          {
            id: 'checkout-slow',
            title: 'Checkout is slow',
            kind: 'runbook',
            answers: [],
            owner: null,
            lastReviewed: null,
            stale: true,
            url: null,
            source: 'markdown',
            location: null,
            error: null,
          },
        ],
      })),
    });
    await renderCard(api);
    const escalation = await screen.findByTestId('oncall-escalation');
    expect(
      await within(escalation).findByRole('link', {
        name: 'Runbook: Checkout is slow',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/runbooks?runbook=checkout-slow',
    );
    expect(
      within(escalation).getByRole('link', { name: 'Runbook' }),
    ).toHaveAttribute('href', 'https://wiki.example.com/sre/major-incident');
    expect(
      within(escalation).getByRole('link', { name: 'Amara Okafor' }),
    ).toHaveAttribute('href', '/catalog/default/user/amara.okafor');
    expect(escalation).toHaveTextContent(
      'Level 3: Amara Okafor (amara@example.com)',
    );
    expect(escalation).toHaveTextContent(
      "Runbook unknown-id (No runbook with id 'unknown-id')",
    );
  });

  it('flags a gap rather than pretending someone is on call', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () =>
          okState(testSnapshot({ current: [], upcoming: [] })),
      }),
    );
    expect(await screen.findByTestId('oncall-primary')).toHaveTextContent(
      /gap in the rotation/,
    );
  });

  it('keeps a shift with an unknown end on call and says its end is unknown', async () => {
    const base = testSnapshot();
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () =>
          okState(
            testSnapshot({
              current: [{ ...base.current[0], end: null }, base.current[1]],
            }),
          ),
      }),
    );
    const primary = await screen.findByTestId('oncall-primary');
    expect(primary).toHaveTextContent(/Ana Silva/);
    expect(primary).toHaveTextContent(/until an unknown time/);
  });

  it('renders the provider link only when it is http(s)', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () =>
          // A script URL is the input under test: the card must not link it.
          // eslint-disable-next-line no-script-url
          okState(testSnapshot({ externalUrl: 'javascript:alert(1)' })),
      }),
    );
    await screen.findByTestId('oncall-primary');
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('shows the last known data, marked, when the provider fails', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () => ({
          status: 'error',
          entityRef: 'component:default/checkout',
          owner: 'group:default/payments',
          provider: 'pagerduty',
          message: 'PagerDuty answered HTTP 503',
          lastKnown: testSnapshot(),
          lastKnownAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        }),
      }),
    );
    expect(
      await screen.findByText(
        /On-call provider unavailable: showing data from 10 minutes ago/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('oncall-primary')).toHaveTextContent('Ana Silva');
  });

  it('says who is on call is unknown when the provider fails without last known data', async () => {
    await renderCard(
      mockOnCallApi({
        getEntityOnCall: async () => ({
          status: 'error',
          entityRef: 'component:default/checkout',
          message: 'Opsgenie answered HTTP 401',
        }),
      }),
    );
    expect(
      await screen.findByText(
        /On-call provider unavailable: who is on call is unknown/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('oncall-primary')).not.toBeInTheDocument();
  });
});
