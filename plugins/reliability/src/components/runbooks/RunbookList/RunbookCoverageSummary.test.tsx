import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunbookCoverageSummary } from './RunbookCoverageSummary';

describe('RunbookCoverageSummary', () => {
  it('explains the figure from the keyboard as well as on hover', async () => {
    render(
      <RunbookCoverageSummary
        coverage={{
          ratio: 1,
          alertCount: 4,
          alertsWithRunbook: 4,
          alerts: [],
          error: null,
        }}
      />,
    );
    const info = screen.getByRole('button', {
      name: 'How coverage is computed',
    });
    expect(info).toHaveAccessibleDescription(
      /^Share of the alert policies of this entity's SLOs that link a runbook\./,
    );
    await userEvent.tab();
    expect(info).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /^Share of the alert policies/,
    );
  });
});
