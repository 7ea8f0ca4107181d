import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseRunbookMarkdown } from './sources/frontMatter';

const examples = path.resolve(__dirname, '../../../../examples/reliability');
const runbooksDir = path.join(examples, 'runbooks');

/** SLO names and alert policy names declared in a component's demo OpenSLO file. */
function sloNames(component: string): Set<string> {
  const file = path.join(examples, 'slo', `${component}.yaml`);
  const names = new Set<string>();
  if (!fs.existsSync(file)) return names;
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const slo = doc.toJS() as any;
    if (slo?.kind !== 'SLO') continue;
    names.add(slo.metadata.name);
    for (const policy of slo.spec?.alertPolicies ?? []) {
      if (policy?.metadata?.name) names.add(policy.metadata.name);
    }
  }
  return names;
}

const components = fs
  .readdirSync(runbooksDir, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name);

describe('demo runbooks (examples/reliability/runbooks)', () => {
  it('has a folder per annotated component', () => {
    expect(components.length).toBeGreaterThanOrEqual(10);
  });

  it.each(components)(
    '%s: every file has valid front matter answering real SLOs/alerts',
    component => {
      const files = fs
        .readdirSync(path.join(runbooksDir, component))
        .filter(f => f.endsWith('.md'));
      expect(files.length).toBeGreaterThan(0);
      const known = sloNames(component);
      for (const file of files) {
        const text = fs.readFileSync(
          path.join(runbooksDir, component, file),
          'utf8',
        );
        const { frontMatter, body } = parseRunbookMarkdown(text);
        expect(frontMatter.title).toBeTruthy();
        expect(frontMatter.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(frontMatter.owner).toMatch(/^group:default\//);
        expect(body).toMatch(/demo/i);
        for (const answer of frontMatter.answers) {
          expect({ file, answer, known: known.has(answer) }).toEqual({
            file,
            answer,
            known: true,
          });
        }
      }
    },
  );

  it('lists only existing files in index.yaml', () => {
    for (const component of components) {
      const index = path.join(runbooksDir, component, 'index.yaml');
      if (!fs.existsSync(index)) continue;
      const listed = (
        parseAllDocuments(fs.readFileSync(index, 'utf8'))[0].toJS() as any
      ).runbooks as string[];
      for (const file of listed) {
        expect(fs.existsSync(path.join(runbooksDir, component, file))).toBe(
          true,
        );
      }
    }
  });

  it('has rollback procedures, postmortems, pre-mortems and stale runbooks', () => {
    const all = components.flatMap(component =>
      fs
        .readdirSync(path.join(runbooksDir, component))
        .filter(f => f.endsWith('.md'))
        .map(
          f =>
            parseRunbookMarkdown(
              fs.readFileSync(path.join(runbooksDir, component, f), 'utf8'),
            ).frontMatter,
        ),
    );
    const kinds = new Set(all.map(f => f.kind));
    expect([...kinds].sort()).toEqual([
      'postmortem',
      'premortem',
      'rollback',
      'runbook',
    ]);
    expect(all.some(f => (f.lastReviewed ?? '') < '2026-05-01')).toBe(true);
  });
});
