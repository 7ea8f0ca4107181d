import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fastYamlDocuments } from './fastYamlDocuments';

/** What the `yaml` package reads, as parseOpenSloYaml reads it. */
function yamlPackageValues(text: string): unknown[] {
  return parseAllDocuments(text, { uniqueKeys: true }).map(document =>
    document.toJS({ maxAliasCount: 100 }),
  );
}

const EXAMPLES = path.resolve(
  __dirname,
  '../../../../examples/reliability/slo',
);

const SCALARS = [
  'plain: text',
  'quoted: "0.999"',
  "single: 'it''s'",
  'target: 0.999',
  'exponent: 1e3',
  'negative: -0.5',
  'leadingDot: .5',
  'integer: 42',
  'octal: 0o17',
  'hex: 0x1F',
  'underscored: 1_000',
  'infinite: .inf',
  'notANumber: .NaN',
  'yes: yes',
  'on: off',
  'bool: True',
  'nullTilde: ~',
  'nullWord: Null',
  'empty:',
  'date: 2026-11-30',
  'time: 2026-11-30T10:00:00Z',
  'duration: 30d',
  'colonInside: a:b',
  'query: sum(rate(http_requests_total{code!~"5.."}[5m]))',
  'tagged: !!str 123',
  'multiline: |\n  line one\n  line two\n',
  'folded: >\n  one\n  two\n',
  'flow: { a: 1, b: [x, "y", 3] }',
  'list:\n  - 1\n  - two\n  - null\n',
  '"quoted key": 1',
  '123: numeric key',
  'unicode: "caf\\u00e9 ✓"',
];

describe('fastYamlDocuments', () => {
  it('reads the example OpenSLO files as the yaml package does', () => {
    const files = fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const fast = fastYamlDocuments(text);
      expect({ file, values: fast }).toEqual({
        file,
        values: yamlPackageValues(text),
      });
    }
  });

  it.each(SCALARS)('reads %p as the yaml package does', text => {
    const fast = fastYamlDocuments(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(yamlPackageValues(text));
  });

  it('keeps empty and trailing documents, as the yaml package does', () => {
    for (const text of [
      '',
      'a: 1\n---\n',
      '---\na: 1\n---\nb: 2\n',
      'a: 1\n...\n',
    ]) {
      expect(fastYamlDocuments(text)).toEqual(yamlPackageValues(text));
    }
    // Only comments: no document to `yaml`, one empty document to js-yaml; one empty document is left to `yaml`.
    expect(fastYamlDocuments('# only a comment\n')).toBeUndefined();
    expect(fastYamlDocuments('---\n')).toBeUndefined();
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [broken\n'],
    ['an unknown tag', 'a: !secret x\n'],
  ])('leaves a text with %s to the yaml package', (_, text) => {
    expect(fastYamlDocuments(text)).toBeUndefined();
  });

  it('keeps __proto__ an own key without touching Object.prototype', () => {
    const [value] = fastYamlDocuments('__proto__:\n  polluted: true\n')!;
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
