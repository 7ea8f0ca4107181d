import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { parseJourneyYaml } from '../overview/tour/journeys/parseJourneyYaml';
import { parseLearningPath } from './paths/parseLearningPath';

const examples = path.resolve(__dirname, '../../../../examples');

/** Every entity of the demo catalog, with the file that declares it. */
function catalogEntities() {
  const files = [
    path.join(examples, 'catalog/org.yaml'),
    path.join(examples, 'catalog/domains.yaml'),
    ...fs
      .readdirSync(path.join(examples, 'catalog/systems'))
      .map(file => path.join(examples, 'catalog/systems', file)),
  ];
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as any)
      .filter(Boolean)
      .map(entity => ({ file, entity })),
  );
}

const entities = catalogEntities();
const refOf = (entity: any) =>
  `${entity.kind.toLowerCase()}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`;
const byRef = new Map(entities.map(e => [refOf(e.entity), e]));
const teams = entities.filter(
  ({ entity }) => entity.kind === 'Group' && entity.spec?.type === 'team',
);

function annotatedFile(ref: string, key: string): string {
  const declared = byRef.get(ref);
  const location = declared?.entity.metadata.annotations?.[key];
  if (!declared || !location) {
    throw new Error(`${ref} has no ${key} annotation`);
  }
  return path.resolve(path.dirname(declared.file), location);
}

function loadPath(team: { file: string; entity: any }) {
  const text = fs.readFileSync(
    annotatedFile(refOf(team.entity), ANNOTATIONS.learningPath),
    'utf8',
  );
  const parsed = parseLearningPath(text, {
    defaultNamespace: 'default',
    groupRef: refOf(team.entity),
  });
  expect(parsed.errors).toEqual([]);
  return parsed.path!;
}

describe('demo learning paths (examples/reliability/learning)', () => {
  it('give every demo team, the guest user’s among them, a path labelled demo', () => {
    expect(teams.map(t => t.entity.metadata.name).sort()).toEqual([
      'checkout-payments',
      'delivery-experience',
      'order-management',
      'sre',
      'warehouse-systems',
      'web-storefront',
    ]);
    for (const team of teams) {
      const learning = loadPath(team);
      expect({ team: team.entity.metadata.name, demo: learning.demo }).toEqual({
        team: team.entity.metadata.name,
        demo: true,
      });
      expect(learning.title).toMatch(/\(demo\)$/);
    }
    const guest = byRef.get('user:development/guest')!.entity;
    expect(guest.spec.memberOf).toContain('group:default/sre');
    expect(loadPath(byRef.get('group:default/sre')!).shareProgress).toBe(true);
  });

  it('name runbooks, postmortems and journeys that exist in the demo data', () => {
    const failures: string[] = [];
    for (const team of teams) {
      for (const item of loadPath(team).items) {
        const where = `${team.entity.metadata.name}/${item.id}`;
        if (item.kind === 'runbook' || item.kind === 'postmortem') {
          const folder = annotatedFile(item.entityRef!, ANNOTATIONS.runbooks);
          const file = path.join(folder, `${item.runbookId}.md`);
          if (!fs.existsSync(file)) {
            failures.push(`${where}: no runbook ${file}`);
            continue;
          }
          const frontMatter = parseYaml(
            fs.readFileSync(file, 'utf8').split(/^---$/m)[1],
          );
          const kind = frontMatter.kind ?? 'runbook';
          if (item.kind === 'postmortem' && kind !== 'postmortem') {
            failures.push(`${where}: ${file} is a ${kind}`);
          }
        } else if (item.kind === 'journey') {
          const text = fs.readFileSync(
            annotatedFile(item.entityRef!, ANNOTATIONS.journeys),
            'utf8',
          );
          const names = parseJourneyYaml(text, 'default').journeys.map(
            j => j.name,
          );
          if (!names.includes(item.journey!)) {
            failures.push(`${where}: no journey ${item.journey} in ${names}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
