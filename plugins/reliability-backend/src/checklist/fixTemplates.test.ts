import { promises as fs } from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { defaultChecklist } from './defaultChecklist';
import { checklistFromDocument } from './loadChecklist';

const TEMPLATES = path.resolve(__dirname, '../../../../examples/templates');

/** The demo's templates by entity ref, with the names of their parameters. */
async function demoTemplates(): Promise<Map<string, string[]>> {
  const templates = new Map<string, string[]>();
  for (const dir of await fs.readdir(TEMPLATES)) {
    const doc = parse(
      await fs.readFile(path.join(TEMPLATES, dir, 'template.yaml'), 'utf8'),
    );
    const parameters = (doc.spec.parameters as any[]).flatMap(step =>
      Object.keys(step.properties ?? {}),
    );
    templates.set(
      `template:${doc.metadata.namespace ?? 'default'}/${doc.metadata.name}`,
      parameters,
    );
  }
  return templates;
}

describe('checklist items fixed by a template', () => {
  it('in the default checklist name templates of examples/templates that take the service as `component`', async () => {
    const templates = await demoTemplates();
    const fixes = defaultChecklist.items.flatMap(i =>
      i.fixTemplate ? [[i.id, i.fixTemplate.templateRef]] : [],
    );
    expect(fixes).toEqual([
      ['slo-defined', 'template:default/adopt-slos'],
      ['postmortems', 'template:default/write-postmortem'],
      ['deploys-ask-gate', 'template:default/ask-deploy-gate'],
    ]);
    for (const [, ref] of fixes) {
      expect(templates.get(ref)).toContain('component');
    }
  });

  const item = {
    id: 'chaos-days',
    title: 'Chaos days',
    why: 'Failure injection finds weaknesses.',
    level: 'advanced',
    category: 'capacity',
    weight: 2,
    kind: 'self-assessed',
  };

  it('can be declared in a checklist file', () => {
    const fixTemplate = {
      templateRef: 'template:platform/run-a-chaos-day',
      title: 'Run a chaos day',
    };
    const checklist = checklistFromDocument(
      { version: 'acme-1', items: [{ ...item, fixTemplate }] },
      { extend: true, source: 'test' },
    );
    expect(checklist.items.at(-1)?.fixTemplate).toEqual(fixTemplate);
  });

  it.each([
    ['without a namespace', 'template:run-a-chaos-day'],
    ['of another kind', 'component:default/run-a-chaos-day'],
  ])('rejects a template ref %s', (_case, templateRef) => {
    expect(() =>
      checklistFromDocument(
        {
          version: 'acme-1',
          items: [{ ...item, fixTemplate: { templateRef, title: 'Chaos' } }],
        },
        { extend: true, source: 'test' },
      ),
    ).toThrow(/items\.0\.fixTemplate\.templateRef/);
  });
});
