import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  EntityDocumentReader,
  readDocumentAllowRules,
} from './entityDocuments';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
  };
}

const github = entity({
  'backstage.io/managed-by-location':
    'url:https://github.com/parcelly/checkout/blob/main/catalog-info.yaml',
});

function fakeReader(body: string | Buffer, chunkSize = 1024) {
  const read = jest.fn();
  const readUrl = jest.fn(async () => ({
    buffer: async () => Buffer.from(body),
    stream: () => {
      const buffer = Buffer.from(body);
      const parts: Buffer[] = [];
      for (let i = 0; i < buffer.length; i += chunkSize) {
        parts.push(buffer.subarray(i, i + chunkSize));
      }
      return Readable.from(parts, { objectMode: false }).on('data', read);
    },
  }));
  return {
    urlReader: { readUrl } as unknown as UrlReaderService,
    readUrl,
    chunksRead: read,
  };
}

describe('EntityDocumentReader', () => {
  it('resolves paths relative to the entity and reads them', async () => {
    const { urlReader } = fakeReader('# Runbook');
    const reader = new EntityDocumentReader({ urlReader });
    const url = reader.resolve(github, 'docs/runbooks/rollback.md');
    expect(url).toBe(
      'https://github.com/parcelly/checkout/blob/main/docs/runbooks/rollback.md',
    );
    await expect(reader.read(github, url)).resolves.toBe('# Runbook');
  });

  it('refuses a relative path that climbs into another repository on the same host', () => {
    const reader = new EntityDocumentReader({ urlReader: fakeReader('').urlReader });
    expect(() =>
      reader.resolve(github, '../../../other-repo/blob/main/secrets.md'),
    ).toThrow(/Refused to read https:\/\/github.com\/parcelly\/other-repo/);
    expect(() =>
      reader.resolve(github, '%2e%2e/%2e%2e/%2e%2e/other-repo/x.md'),
    ).toThrow(/Refused/);
  });

  it('refuses an absolute URL elsewhere unless the allow-list names its host and path', () => {
    const { urlReader } = fakeReader('');
    const location = 'https://github.com/parcelly/runbooks/blob/main/db.md';
    expect(() =>
      new EntityDocumentReader({ urlReader }).resolve(github, location),
    ).toThrow(/reliability\.documents\.allow/);
    const allow = readDocumentAllowRules(
      new ConfigReader({
        reliability: {
          documents: {
            allow: [{ host: 'GitHub.com', paths: ['/parcelly/runbooks/'] }],
          },
        },
      }),
    );
    const reader = new EntityDocumentReader({ urlReader, allow });
    expect(reader.resolve(github, location)).toBe(location);
    expect(() =>
      reader.resolve(github, 'https://github.com/parcelly/runbooks-private/x.md'),
    ).toThrow(/Refused/);
    expect(() =>
      reader.resolve(github, 'https://gitlab.com/parcelly/runbooks/x.md'),
    ).toThrow(/Refused/);
  });

  it('accepts the tree form of the source location for blob links, and the reverse', () => {
    const reader = new EntityDocumentReader({ urlReader: fakeReader('').urlReader });
    const withSource = entity({
      'backstage.io/source-location':
        'url:https://github.com/parcelly/checkout/tree/main/',
    });
    expect(
      reader.resolve(withSource, 'https://github.com/parcelly/checkout/blob/main/slo.yaml'),
    ).toBe('https://github.com/parcelly/checkout/blob/main/slo.yaml');
  });

  it('checks access again on read, for documents found through an index', async () => {
    const { urlReader, readUrl } = fakeReader('secret');
    const reader = new EntityDocumentReader({ urlReader });
    await expect(
      reader.read(github, 'https://github.com/parcelly/other/blob/main/x.md'),
    ).rejects.toThrow(/Refused/);
    expect(readUrl).not.toHaveBeenCalled();
  });

  it('keeps local file catalogs inside their directory unless a directory is allowed', () => {
    const root = path.resolve('/srv/catalog');
    const local = entity({
      'backstage.io/managed-by-location': `file:${root}/systems/payments.yaml`,
    });
    const { urlReader } = fakeReader('');
    expect(
      new EntityDocumentReader({ urlReader }).resolve(local, 'slo/payments.yaml'),
    ).toBe(`file://${root}/systems/slo/payments.yaml`);
    expect(() =>
      new EntityDocumentReader({ urlReader }).resolve(local, '../../etc/passwd'),
    ).toThrow(/Refused/);
    const reader = new EntityDocumentReader({
      urlReader,
      allow: [{ directory: root }],
    });
    expect(reader.resolve(local, '../runbooks/')).toBe(`file://${root}/runbooks/`);
  });

  it('stops reading at the size limit instead of loading the whole file', async () => {
    const { urlReader, chunksRead } = fakeReader(Buffer.alloc(100 * 1024, 'a'), 1024);
    const reader = new EntityDocumentReader({ urlReader });
    await expect(
      reader.read(github, 'https://github.com/parcelly/checkout/blob/main/big.md', {
        maxBytes: 4 * 1024,
      }),
    ).rejects.toThrow(/too large: the limit is 4096 bytes/);
    expect(chunksRead.mock.calls.length).toBeLessThan(10);
  });

  it('rejects an allow rule without paths', () => {
    expect(() =>
      readDocumentAllowRules(
        new ConfigReader({
          reliability: { documents: { allow: [{ host: 'github.com' }] } },
        }),
      ),
    ).toThrow(/reliability\.documents\.allow\[0\]/);
  });
});
