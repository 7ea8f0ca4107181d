import { csvCell, csvLine, OVERVIEW_CSV_HEADER, overviewCsvLine } from './csv';

describe('csv', () => {
  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises the formula-like text %j',
    value => {
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('neutralises and quotes a formula with a comma', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(
      '"\'=HYPERLINK(""http://x"",""y"")"',
    );
  });

  it('writes numbers as numbers, never NaN or Infinity', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

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
