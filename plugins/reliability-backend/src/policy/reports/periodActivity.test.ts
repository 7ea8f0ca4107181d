import {
  AssessmentRecord,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { checklistChangesIn, runbooksTouchedIn } from './periodActivity';

const from = new Date('2026-10-01T12:00:00.000Z');
const to = new Date('2026-11-22T12:00:00.000Z');

function runbook(id: string, lastReviewed: string | null): RunbookEntry {
  return {
    id,
    title: `Runbook ${id}`,
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed,
    stale: false,
    url: `https://runbooks.example.com/${id}`,
    source: 'link',
    location: null,
    error: null,
  };
}

function assessment(
  id: string,
  createdAt: string,
  level: string,
): AssessmentRecord {
  return {
    id,
    entityRef: 'component:default/checkout-api',
    checklistVersion: '1',
    score: 50,
    level,
    author: 'user:default/ada',
    createdAt,
  };
}

describe('runbooksTouchedIn', () => {
  it('lists the runbooks reviewed on a day of the period, newest first', () => {
    const touched = runbooksTouchedIn(
      'component:default/checkout-api',
      [
        runbook('before', '2026-09-30'),
        runbook('first-day', '2026-10-01'),
        runbook('never', null),
        runbook('last-day', '2026-11-22'),
        runbook('after', '2026-11-23'),
        runbook('not-a-date', 'soon'),
      ],
      from,
      to,
    );
    expect(touched).toEqual([
      {
        entityRef: 'component:default/checkout-api',
        id: 'last-day',
        title: 'Runbook last-day',
        kind: 'runbook',
        lastReviewed: '2026-11-22',
        url: 'https://runbooks.example.com/last-day',
      },
      expect.objectContaining({ id: 'first-day', lastReviewed: '2026-10-01' }),
    ]);
  });
});

describe('checklistChangesIn', () => {
  it('lists the assessments of the period, oldest first, with the level before each', () => {
    const changes = checklistChangesIn(
      [
        assessment('c', '2026-11-20T09:00:00.000Z', 'silver'),
        assessment('a', '2026-09-01T09:00:00.000Z', 'none'),
        assessment('b', '2026-10-15T09:00:00.000Z', 'bronze'),
        assessment('d', '2026-11-23T09:00:00.000Z', 'gold'),
      ],
      from,
      to,
    );
    expect(changes).toEqual([
      {
        entityRef: 'component:default/checkout-api',
        assessmentId: 'b',
        assessedAt: '2026-10-15T09:00:00.000Z',
        author: 'user:default/ada',
        level: 'bronze',
        score: 50,
        previousLevel: 'none',
      },
      expect.objectContaining({
        assessmentId: 'c',
        level: 'silver',
        previousLevel: 'bronze',
      }),
    ]);
  });

  it('has no previous level for the first assessment known', () => {
    expect(
      checklistChangesIn(
        [assessment('a', '2026-11-01T09:00:00.000Z', 'bronze')],
        from,
        to,
      ),
    ).toEqual([expect.objectContaining({ previousLevel: null })]);
  });
});
