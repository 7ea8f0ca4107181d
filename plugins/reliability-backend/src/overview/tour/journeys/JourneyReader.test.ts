import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { createFakeUrlReader } from '../../../runbooks/__testUtils__/fakeUrlReader';
import { EntityDocumentReader } from '../../../shared/entityDocuments';
import { JourneyReader } from './JourneyReader';

const base = 'https://git.example.com/shop';

const journey = (name: string) => `
apiVersion: reliability.sre-portal.dev/v1alpha1
kind: Journey
metadata:
  name: ${name}
  title: Journey ${name}
spec:
  steps:
    - entity: web
      description: The shopper opens the shop.
`;

function shop(journeys: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:${base}/catalog-info.yaml`,
        [ANNOTATIONS.journeys]: journeys,
      },
    },
    spec: { owner: 'team-a' },
  };
}

function setup(files: Record<string, string>, allow = false) {
  const urlReader = createFakeUrlReader(files);
  let now = new Date('2026-01-01T00:00:00Z');
  const reader = new JourneyReader({
    documents: new EntityDocumentReader({
      urlReader,
      allow: allow ? [{ host: 'docs.example.com', paths: ['/journeys/'] }] : [],
    }),
    now: () => now,
  });
  return {
    reader,
    urlReader,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('JourneyReader', () => {
  it('reads the files of the journeys annotation, one problem per bad file, the rest still loaded', async () => {
    const { reader } = setup({
      [`${base}/journeys/checkout.yaml`]: `${journey('checkout')}---${journey(
        'browse',
      )}`,
      [`${base}/journeys/bad.yaml`]: 'apiVersion: nope',
      'https://elsewhere.example.com/journeys/x.yaml': journey('x'),
    });
    const result = await reader.load(
      shop(
        'journeys/checkout.yaml, journeys/bad.yaml, journeys/missing.yaml, https://elsewhere.example.com/journeys/x.yaml',
      ),
    );
    expect(result.journeys.map(j => [j.name, j.entityRef, j.source])).toEqual([
      ['checkout', 'system:default/shop', `${base}/journeys/checkout.yaml`],
      ['browse', 'system:default/shop', `${base}/journeys/checkout.yaml`],
    ]);
    expect(result.journeys[0].steps).toEqual([
      {
        entityRef: 'component:default/web',
        description: 'The shopper opens the shop.',
      },
    ]);
    const bySource = (source: string) =>
      result.problems.filter(p => p.source === source).map(p => p.message);
    expect(bySource(`${base}/journeys/bad.yaml`)).toEqual([
      expect.stringMatching(/^#1 apiVersion: /),
      expect.stringMatching(/^#1 kind: /),
      expect.stringMatching(/^#1 metadata: /),
      expect.stringMatching(/^#1 spec: /),
    ]);
    expect(bySource(`${base}/journeys/missing.yaml`)).toEqual([
      expect.stringMatching(/^cannot read the journey file: No such file/),
    ]);
    // Outside the entity's source location and not allow-listed: never read.
    expect(bySource('https://elsewhere.example.com/journeys/x.yaml')).toEqual([
      expect.stringMatching(/^cannot read the journey file: Refused/),
    ]);
    expect(
      result.problems.every(p => p.entityRef === 'system:default/shop'),
    ).toBe(true);
  });

  it('reads allow-listed places and reports a journey defined in two files once', async () => {
    const { reader } = setup(
      {
        [`${base}/a.yaml`]: journey('checkout'),
        'https://docs.example.com/journeys/b.yaml': journey('checkout'),
      },
      true,
    );
    const result = await reader.load(
      shop('a.yaml, https://docs.example.com/journeys/b.yaml'),
    );
    expect(result.journeys.map(j => j.source)).toEqual([`${base}/a.yaml`]);
    expect(result.problems).toEqual([
      {
        entityRef: 'system:default/shop',
        source: 'https://docs.example.com/journeys/b.yaml',
        message:
          "journey 'checkout' is also defined in another file of system:default/shop; the first one is used",
      },
    ]);
  });

  it('reads nothing without the annotation and keeps files for a minute', async () => {
    const { reader, urlReader, advance } = setup({
      [`${base}/a.yaml`]: journey('checkout'),
    });
    expect(await reader.load(shop(' '))).toEqual({
      journeys: [],
      problems: [],
    });
    await reader.load(shop('a.yaml'));
    await reader.load(shop('a.yaml'));
    expect(urlReader.reads).toHaveLength(1);
    advance(61_000);
    await reader.load(shop('a.yaml'));
    expect(urlReader.reads).toHaveLength(2);
  });
});
