import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { CHECKOUT_SLO_YAML } from './__testUtils__/sloFixtures';
import { parseOpenSloYaml } from './parseOpenSloYaml';
import { SloDefinitionLoader } from './SloDefinitionLoader';

jest.mock('./parseOpenSloYaml', () => {
  const actual = jest.requireActual('./parseOpenSloYaml');
  return { parseOpenSloYaml: jest.fn(actual.parseOpenSloYaml) };
});
const parse = parseOpenSloYaml as jest.MockedFunction<typeof parseOpenSloYaml>;

jest.setTimeout(60_000);

function service(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://github.com/parcelly/checkout/blob/main/catalog-info.yaml',
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

/** The checkout SLO under another name and target. */
function renamed(name: string, target = '0.999'): string {
  return CHECKOUT_SLO_YAML.replace(
    'name: checkout-availability',
    `name: ${name}`,
  ).replace('target: 0.999', `target: ${target}`);
}

function fileReader(files: Record<string, string>) {
  const readUrl = jest.fn(async (url: string) => {
    if (!(url in files)) throw new Error(`not found: ${url}`);
    return { buffer: async () => Buffer.from(files[url]) };
  });
  return { urlReader: { readUrl } as unknown as UrlReaderService, readUrl };
}

describe('SloDefinitionLoader', () => {
  beforeEach(() => parse.mockClear());

  it('parses each inline text once, whatever the entity and however long ago', async () => {
    let now = new Date('2026-11-30T12:00:00Z');
    const loader = new SloDefinitionLoader({
      urlReader: fileReader({}).urlReader,
      now: () => now,
    });
    const texts = ['alpha', 'beta', 'gamma'].map(name => renamed(name));
    const entities = Array.from({ length: 10_000 }, (_, i) =>
      service(`svc-${i}`, { [ANNOTATIONS.sloInline]: texts[i % 3] }),
    );

    const first = await Promise.all(entities.map(e => loader.load(e)));
    expect(parse).toHaveBeenCalledTimes(3);
    expect(first[4].definitions.map(d => d.name)).toEqual(['beta']);
    expect(first[4].errors).toEqual([]);

    // The next collection cycle, long after any time to live: nothing parsed again.
    now = new Date('2026-11-30T12:05:00Z');
    const second = await Promise.all(entities.map(e => loader.load(e)));
    expect(parse).toHaveBeenCalledTimes(3);
    expect(second).toEqual(first);

    // An edited annotation is another text: parsed, and its definitions returned.
    const edited = service('svc-4', {
      [ANNOTATIONS.sloInline]: renamed('beta', '0.95'),
    });
    const reloaded = await loader.load(edited);
    expect(parse).toHaveBeenCalledTimes(4);
    expect(reloaded.definitions[0].objectives[0].target).toBe(0.95);
    expect((await loader.load(entities[4])).definitions[0]).toEqual(
      first[4].definitions[0],
    );
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it('re-reads a definitions file after the time to live and parses it again only when it changed', async () => {
    let now = new Date('2026-11-30T12:00:00Z');
    const url = 'https://github.com/parcelly/checkout/blob/main/slos.yaml';
    const files = { [url]: renamed('from-file') };
    const { urlReader, readUrl } = fileReader(files);
    const loader = new SloDefinitionLoader({
      urlReader,
      now: () => now,
      cacheTtlMs: 60_000,
    });
    const entity = service('checkout', {
      [ANNOTATIONS.sloDefinitions]: './slos.yaml',
      [ANNOTATIONS.sloInline]: renamed('from-file'),
    });

    const first = await loader.load(entity);
    expect(first.definitions.map(d => d.name)).toEqual(['from-file']);
    expect(first.errors).toEqual([
      expect.objectContaining({
        source: 'inline',
        message: expect.stringMatching(/defined more than once/),
      }),
    ]);
    // The same text in the file and inline is parsed once.
    expect(parse).toHaveBeenCalledTimes(1);
    await loader.load(entity);
    expect(readUrl).toHaveBeenCalledTimes(1);

    now = new Date('2026-11-30T12:01:01Z');
    await loader.load(entity);
    expect(readUrl).toHaveBeenCalledTimes(2);
    expect(parse).toHaveBeenCalledTimes(1);

    files[url] = renamed('edited-file');
    now = new Date('2026-11-30T12:02:02Z');
    const edited = await loader.load(entity);
    expect(readUrl).toHaveBeenCalledTimes(3);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(edited.definitions.map(d => d.name)).toEqual([
      'edited-file',
      'from-file',
    ]);
    expect(edited.errors).toEqual([]);
  });

  it('reports an unreadable file and an oversized inline text', async () => {
    const loader = new SloDefinitionLoader({
      urlReader: fileReader({}).urlReader,
      now: () => new Date(),
    });
    const result = await loader.load(
      service('checkout', {
        [ANNOTATIONS.sloDefinitions]: './missing.yaml',
        [ANNOTATIONS.sloInline]: `# ${'x'.repeat(256 * 1024)}`,
      }),
    );
    expect(result.definitions).toEqual([]);
    expect(result.errors).toEqual([
      {
        source: 'https://github.com/parcelly/checkout/blob/main/missing.yaml',
        path: `metadata.annotations.${ANNOTATIONS.sloDefinitions}`,
        message: expect.stringMatching(
          /^Cannot read SLO definitions: .*not found/,
        ),
      },
      {
        source: 'inline',
        path: `metadata.annotations.${ANNOTATIONS.sloInline}`,
        message: 'Inline SLO definitions exceed 262144 bytes',
      },
    ]);
  });

  it('warns, at most hourly, when the parse cache keeps dropping texts it needs again', async () => {
    let now = new Date('2026-12-01T08:00:00Z');
    const logger = mockServices.logger.mock();
    const loader = new SloDefinitionLoader({
      urlReader: fileReader({}).urlReader,
      now: () => now,
      maxParsedTexts: 5,
      logger,
    });
    const entities = Array.from({ length: 8 }, (_, i) =>
      service(`svc-${i}`, { [ANNOTATIONS.sloInline]: renamed(`slo-${i}`) }),
    );
    // The first round fills the cache and drops 3; no warning yet.
    for (const e of entities) await loader.load(e);
    expect(logger.warn).not.toHaveBeenCalled();
    // The second round parses every text again (each was dropped before it was needed): a warning.
    for (const e of entities) await loader.load(e);
    expect(parse).toHaveBeenCalledTimes(16);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain(
      'reliability.slo.definitionCache.maxEntries (5)',
    );
    // Not again within the hour; again after it.
    for (const e of entities) await loader.load(e);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    now = new Date('2026-12-01T09:01:00Z');
    for (const e of entities) await loader.load(e);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('never warns when the texts fit the parse cache', async () => {
    const logger = mockServices.logger.mock();
    const loader = new SloDefinitionLoader({
      urlReader: fileReader({}).urlReader,
      now: () => new Date(),
      maxParsedTexts: 8,
      logger,
    });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 8; i++) {
        await loader.load(
          service(`svc-${i}`, { [ANNOTATIONS.sloInline]: renamed(`slo-${i}`) }),
        );
      }
    }
    expect(parse).toHaveBeenCalledTimes(8);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
