import { Incident } from '@internal/backstage-plugin-reliability-common';
import { incidentWindows, MAX_INCIDENT_WINDOWS } from './incidentWindows';

const at = (iso: string) => Date.parse(iso);
const START = at('2026-11-01T00:00:00Z');
const END = at('2026-11-30T00:00:00Z');
const NOW = at('2026-11-20T12:00:00Z');

function incident(
  id: string,
  startedAt: string,
  resolvedAt: string | null,
  severity: Incident['severity'] = 'sev2',
): Incident {
  return {
    id,
    source: 'embedded',
    title: `Incident ${id}`,
    severity,
    status: resolvedAt ? 'resolved' : 'acknowledged',
    startedAt,
    acknowledgedAt: null,
    resolvedAt,
    url: null,
  };
}

describe('incidentWindows', () => {
  it('draws incidents that overlap the window, clipped to it, oldest first', () => {
    const windows = incidentWindows(
      [
        incident('inside', '2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z'),
        incident('before', '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z'),
        incident('across', '2026-10-31T22:00:00Z', '2026-11-01T02:00:00Z'),
        incident('after', '2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z'),
      ],
      START,
      END,
      NOW,
    );
    expect(windows.map(w => [w.id, w.x1, w.x2])).toEqual([
      ['across', START, at('2026-11-01T02:00:00Z')],
      ['inside', at('2026-11-10T10:00:00Z'), at('2026-11-10T12:00:00Z')],
    ]);
    expect(windows[0].startedAt).toBe(at('2026-10-31T22:00:00Z'));
  });

  it('runs an open incident up to now', () => {
    const [open] = incidentWindows(
      [incident('open', '2026-11-20T10:00:00Z', null)],
      START,
      END,
      NOW,
    );
    expect(open).toMatchObject({ open: true, x2: NOW, endedAt: NOW });
  });

  it('leaves out incidents without a readable start', () => {
    expect(
      incidentWindows([incident('bad', 'yesterday', null)], START, END, NOW),
    ).toEqual([]);
  });

  it('keeps the most severe incidents when there are too many', () => {
    const many = Array.from({ length: MAX_INCIDENT_WINDOWS + 5 }, (_, i) =>
      incident(
        `minor-${i}`,
        `2026-11-0${(i % 9) + 1}T00:00:00Z`,
        `2026-11-0${(i % 9) + 1}T01:00:00Z`,
        'sev4',
      ),
    );
    const windows = incidentWindows(
      [
        ...many,
        incident(
          'major',
          '2026-11-15T00:00:00Z',
          '2026-11-15T00:10:00Z',
          'sev1',
        ),
      ],
      START,
      END,
      NOW,
    );
    expect(windows).toHaveLength(MAX_INCIDENT_WINDOWS);
    expect(windows.map(w => w.id)).toContain('major');
  });
});
