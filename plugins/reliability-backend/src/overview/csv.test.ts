import { OVERVIEW_CSV_HEADER, overviewCsvLine } from './csv';

describe('overview csv', () => {
  it('writes an overview row with empty cells for missing areas', () => {
    const line = overviewCsvLine({
      entityRef: 'component:default/x',
      name: 'x',
      namespace: 'default',
      title: '-cmd|calc',
      type: null,
      lifecycle: null,
      owner: 'group:default/a',
      system: null,
      domain: null,
      tier: null,
      slo: null,
      onCall: null,
      runbooks: null,
      maturity: { level: 'gold', score: 90 },
      policy: null,
    });
    expect(line).toBe(
      "component:default/x,x,'-cmd|calc,group:default/a,,,,,,,,,,,,,gold,90,,,\r\n",
    );
  });

  it('writes the policy state, decision and since of a row', () => {
    const line = overviewCsvLine({
      entityRef: 'component:default/x',
      name: 'x',
      namespace: 'default',
      title: null,
      type: null,
      lifecycle: null,
      owner: null,
      system: null,
      domain: null,
      tier: null,
      slo: null,
      onCall: null,
      runbooks: null,
      maturity: null,
      policy: {
        state: 'frozen',
        decision: 'deny',
        since: '2026-11-20T08:00:00.000Z',
      },
    });
    expect(line).toBe(
      'component:default/x,x,,,,,,,,,,,,,,,,,frozen,deny,2026-11-20T08:00:00.000Z\r\n',
    );
    expect(line.trim().split(',')).toHaveLength(OVERVIEW_CSV_HEADER.length);
  });
});
