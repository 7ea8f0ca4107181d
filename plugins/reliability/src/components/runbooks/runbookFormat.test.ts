import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import {
  describeCoverage,
  describeReview,
  formatCoverage,
  saysRunbook,
  titledRunbook,
} from './runbookFormat';

const entry: RunbookEntry = {
  id: 'a',
  title: 'A',
  kind: 'runbook',
  answers: [],
  owner: null,
  lastReviewed: '2026-10-01',
  stale: false,
  url: null,
  source: 'markdown',
  location: null,
  error: null,
};

describe('runbookFormat', () => {
  it('formats coverage without NaN or Infinity', () => {
    expect(formatCoverage(null)).toBe('—');
    expect(formatCoverage(NaN)).toBe('—');
    expect(formatCoverage(Infinity)).toBe('—');
    expect(formatCoverage(2 / 3)).toBe('67%');
    expect(formatCoverage(1)).toBe('100%');
  });

  it('explains coverage', () => {
    const base = {
      ratio: null,
      alertCount: 0,
      alertsWithRunbook: 0,
      alerts: [],
      error: null,
    };
    expect(describeCoverage(base)).toMatch(/No SLO alert policies/);
    expect(
      describeCoverage({
        ...base,
        alertCount: 3,
        alertsWithRunbook: 2,
        ratio: 2 / 3,
      }),
    ).toMatch(/^2 of 3 SLO alerts have a runbook/);
    expect(describeCoverage({ ...base, error: 'boom' })).toBe(
      'Coverage unknown: boom',
    );
  });

  it('describes the review state', () => {
    expect(describeReview(entry, 180)).toBe('Reviewed 2026-10-01');
    expect(describeReview({ ...entry, stale: true }, 180)).toMatch(
      /more than 180 days ago/,
    );
    expect(
      describeReview({ ...entry, lastReviewed: null, stale: true }, 180),
    ).toMatch(/Never reviewed/);
  });
});

describe('titledRunbook', () => {
  it('says "Runbook:" once', () => {
    expect(titledRunbook('Checkout is slow')).toBe('Runbook: Checkout is slow');
    expect(titledRunbook('Runbook: checkout is slow')).toBe(
      'Runbook: checkout is slow',
    );
    expect(titledRunbook('runbooks for checkout')).toBe(
      'runbooks for checkout',
    );
    expect(titledRunbook('Runbooklet')).toBe('Runbook: Runbooklet');
    expect(saysRunbook('Runbook – payments')).toBe(true);
    expect(saysRunbook(undefined)).toBe(false);
  });
});
