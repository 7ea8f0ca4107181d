import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GlossaryTab } from './GlossaryTab';

describe('GlossaryTab', () => {
  it('defines every SRE term the pages use', async () => {
    await renderInTestApp(<GlossaryTab />);
    await screen.findByText('Error budget');
    for (const term of [
      'SLI (service level indicator)',
      'SLO (service level objective)',
      'Error budget',
      'Burn rate',
      'Multiwindow alert',
      'Default alert thresholds',
      'Budget exhausted',
      'Time slices',
      'Journey SLO',
      'Toil',
      'Runbook',
      'Postmortem',
      'Escalation policy',
      'Maturity level',
      'Reliability state',
      'Service tier',
      'MTTR (mean time to restore)',
      'Pre-mortem',
      'User journey',
      'Blast radius',
      'Rollback',
      'On call',
      'Attainment',
    ]) {
      expect(screen.getByText(term)).toBeInTheDocument();
    }
  });
});
