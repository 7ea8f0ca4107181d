import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseJourneyYaml } from './parseJourneyYaml';

const examples = path.resolve(__dirname, '../../../../../../examples');

/** Every entity of the demo catalog, with the file that declares it. */
function catalogEntities() {
  const files = [
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
  `${entity.kind.toLowerCase()}:default/${entity.metadata.name}`;
const known = new Set(entities.map(({ entity }) => refOf(entity)));
const declaring = entities.filter(
  ({ entity }) => entity.metadata.annotations?.[ANNOTATIONS.journeys],
);

describe('demo journeys (examples/reliability/journeys)', () => {
  it('are declared by Systems and Domains, three journeys in all', () => {
    const journeys = declaring.flatMap(({ file, entity }) =>
      entity.metadata.annotations[ANNOTATIONS.journeys]
        .split(',')
        .map((location: string) => {
          const text = fs.readFileSync(
            path.resolve(path.dirname(file), location.trim()),
            'utf8',
          );
          const parsed = parseJourneyYaml(text, 'default');
          expect(parsed.errors).toEqual([]);
          return parsed.journeys.map(journey => ({ entity, journey }));
        })
        .flat(),
    );
    expect(declaring.map(({ entity }) => entity.kind).sort()).toEqual([
      'Domain',
      'System',
      'System',
    ]);
    expect(journeys).toHaveLength(3);
    for (const { journey } of journeys) {
      for (const step of journey.steps) {
        expect({
          step: step.entityRef,
          known: known.has(step.entityRef),
        }).toEqual({ step: step.entityRef, known: true });
      }
    }
    // The orders journey names the System's own journey SLO.
    const orders = journeys.find(j => j.journey.slo);
    expect(orders?.entity.metadata.name).toBe('orders');
    const sloFile = fs.readFileSync(
      path.join(examples, 'reliability/slo/orders.yaml'),
      'utf8',
    );
    expect(sloFile).toContain(`name: ${orders?.journey.slo}`);
  });
});
