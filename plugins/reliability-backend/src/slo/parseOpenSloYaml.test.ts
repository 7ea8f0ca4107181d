import { parseOpenSloYaml } from './parseOpenSloYaml';

const SLI = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: availability
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: prometheus
        spec:
          query: http_requests_total{code!~"5.."}
    total:
      metricSource:
        type: prometheus
        spec:
          query: http_requests_total
`;

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  indicatorRef: availability
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

describe('parseOpenSloYaml', () => {
  it('parses a multi-document file', () => {
    const { slos, errors } = parseOpenSloYaml(`${SLI}---\n${SLO}---\n`);
    expect(errors).toEqual([]);
    expect(slos.map(slo => [slo.name, slo.objectives[0].target])).toEqual([
      ['checkout-availability', 0.999],
    ]);
  });

  it('reports YAML syntax errors by document position and still reads the other documents', () => {
    const { slos, errors } = parseOpenSloYaml(
      `${SLI}---\nkind: [broken\n---\n${SLO}`,
    );
    expect(slos).toHaveLength(1);
    expect(errors).toEqual([
      {
        document: '#2',
        path: '',
        message: expect.stringMatching(/^invalid YAML at line \d+, column \d+/),
      },
    ]);
  });

  it('rejects __proto__ keys and duplicate keys', () => {
    const polluted = parseOpenSloYaml(
      SLO.replace('spec:\n', 'spec:\n  __proto__:\n    polluted: true\n'),
    );
    expect(polluted.slos).toEqual([]);
    expect(polluted.errors[0]).toMatchObject({
      document: 'checkout-availability',
      path: 'spec.__proto__',
    });
    expect(({} as any).polluted).toBeUndefined();
    const duplicate = parseOpenSloYaml(`a: 1\na: 2\n`);
    expect(duplicate.errors[0].message).toMatch(/invalid YAML/);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const { errors } = parseOpenSloYaml(bomb);
    expect(errors[0].message).toMatch(/invalid YAML/);
  });
});
