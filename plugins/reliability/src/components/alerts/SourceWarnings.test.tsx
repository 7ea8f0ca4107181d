import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SourceWarnings } from './SourceWarnings';

const NOT_CONFIGURED =
  'Datadog provider not configured: set reliability.datadog.apiKey in app-config';

describe('SourceWarnings', () => {
  it('warns about a source whose read failed, and names a source that is not configured without calling it stale', async () => {
    await renderInTestApp(
      <SourceWarnings
        staleNote="showing those read before"
        sources={[
          {
            source: 'prometheus',
            label: 'prometheus',
            syncedAt: '2026-11-30T10:00:00.000Z',
            error: 'connection refused',
            stale: true,
          },
          {
            source: 'datadog',
            label: 'datadog',
            syncedAt: null,
            error: NOT_CONFIGURED,
            stale: false,
            notConfigured: true,
          },
        ]}
      />,
    );
    expect(
      screen.getByText(
        /Alerts from prometheus could not be read; showing those read before \(stale\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Alerts from datadog/)).not.toBeInTheDocument();
    expect(
      screen.getByText('Not configured (installed, reading nothing): datadog'),
    ).toHaveAttribute('title', NOT_CONFIGURED);
  });
});
