/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { createFakeUrlReader } from '../__testUtils__/fakeUrlReader';
import {
  MARKDOWN_LIMITS,
  MarkdownRunbookReader,
  runbookLocations,
} from './markdownRunbooks';
import { RunbookCollector } from './RunbookCollector';

const BASE = 'https://git.example.com/shop/orders/blob/main/';

function entity(
  runbooks: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders-api',
      annotations: {
        'backstage.io/source-location': `url:${BASE}`,
        [ANNOTATIONS.runbooks]: runbooks,
      },
      ...extra,
    },
    spec: {},
  };
}

const highErrorRate = `---
title: Orders API error rate is burning budget
kind: runbook
answers: [orders-availability]
owner: group:default/team-orders
lastReviewed: 2026-10-01
---
# Orders API error rate

1. Open the dashboard.
`;

describe('runbookLocations', () => {
  it('splits the comma-separated annotation', () => {
    expect(runbookLocations(entity(' runbooks/ , ./rollback.md,,'))).toEqual([
      'runbooks/',
      './rollback.md',
    ]);
    expect(runbookLocations(entity(''))).toEqual([]);
  });
});

describe('MarkdownRunbookReader', () => {
  it('reads a single Markdown file relative to the source location', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}docs/high-error-rate.md`]: highErrorRate,
    });
    const [draft] = await new MarkdownRunbookReader({ urlReader: reader }).read(
      entity('docs/high-error-rate.md'),
    );
    expect(draft).toEqual({
      preferredId: 'high-error-rate',
      entry: {
        title: 'Orders API error rate is burning budget',
        kind: 'runbook',
        answers: ['orders-availability'],
        owner: 'group:default/team-orders',
        lastReviewed: '2026-10-01',
        url: `${BASE}docs/high-error-rate.md`,
        source: 'markdown',
        location: 'docs/high-error-rate.md',
        error: null,
      },
      body: '# Orders API error rate\n\n1. Open the dashboard.\n',
    });
  });

  it('reads a directory through its index.yaml, in the listed order', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}runbooks/index.yaml`]:
        'runbooks:\n  - rollback.md\n  - incidents/high-error-rate.md\n',
      [`${BASE}runbooks/rollback.md`]:
        '---\nkind: rollback\n---\n# Roll back a release\n',
      [`${BASE}runbooks/incidents/high-error-rate.md`]: highErrorRate,
      [`${BASE}runbooks/unlisted.md`]: '# Not read',
    });
    const drafts = await new MarkdownRunbookReader({ urlReader: reader }).read(
      entity('runbooks'),
    );
    expect(
      drafts.map(d => [d.preferredId, d.entry.title, d.entry.kind]),
    ).toEqual([
      ['rollback', 'Roll back a release', 'rollback'],
      [
        'incidents/high-error-rate',
        'Orders API error rate is burning budget',
        'runbook',
      ],
    ]);
    expect(reader.reads).not.toContain(`${BASE}runbooks/unlisted.md`);
  });

  it('falls back to reading the directory tree when there is no index.yaml', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}runbooks/b.md`]: '# B',
      [`${BASE}runbooks/a.md`]: '# A',
      [`${BASE}runbooks/notes.txt`]: 'ignored',
    });
    const drafts = await new MarkdownRunbookReader({ urlReader: reader }).read(
      entity('runbooks/'),
    );
    expect(drafts.map(d => d.entry.title)).toEqual(['A', 'B']);
    expect(drafts.every(d => d.entry.error === null)).toBe(true);
  });

  it('reports per-file and per-location problems without failing the others', async () => {
    const reader = createFakeUrlReader(
      {
        [`${BASE}ok.md`]: highErrorRate,
        [`${BASE}bad.md`]:
          '---\nkind: playbook\nlastReviewed: yesterday\n---\n# Bad',
        [`${BASE}broken-index/index.yaml`]: 'runbooks: [../../secrets.md]',
      },
      { treeSupported: false },
    );
    const drafts = await new MarkdownRunbookReader({ urlReader: reader }).read(
      entity(
        'ok.md, bad.md, missing.md, nodir/, broken-index/, javascript:alert(1)',
      ),
    );
    const byLocation = Object.fromEntries(
      drafts.map(d => [d.entry.location, d.entry]),
    );
    expect(byLocation['ok.md'].error).toBeNull();
    expect(byLocation['bad.md']).toMatchObject({
      title: 'bad.md',
      url: `${BASE}bad.md`,
      error: expect.stringMatching(
        /Invalid front matter: kind: .*; lastReviewed: must be a date/,
      ),
    });
    expect(byLocation['missing.md'].error).toMatch(/NotFoundError/);
    expect(byLocation['nodir/'].error).toMatch(/Cannot read directory/);
    expect(byLocation['broken-index/'].error).toMatch(
      /Invalid index.yaml: .*must not contain "\.\."/,
    );
    expect(byLocation['javascript:alert(1)'].error).toMatch(
      /Unsupported document location/,
    );
  });

  it('refuses files above the size limit', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}huge.md`]: `# Huge\n${'x'.repeat(MARKDOWN_LIMITS.maxFileBytes)}`,
    });
    const [draft] = await new MarkdownRunbookReader({ urlReader: reader }).read(
      entity('huge.md'),
    );
    expect(draft.entry.error).toMatch(/limit is/);
    expect(draft.body).toBeNull();
  });

  it('reads nothing without the annotation', async () => {
    const reader = createFakeUrlReader({});
    expect(
      await new MarkdownRunbookReader({ urlReader: reader }).read(entity('')),
    ).toEqual([]);
    expect(reader.reads).toEqual([]);
  });
});

describe('RunbookCollector', () => {
  it('keeps the postmortem front matter of each document for the incidents area', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}runbooks/pm.md`]:
        '---\nkind: postmortem\nincidents: [INC-7]\nactionItems: [{ title: Fix it, due: 2026-12-01 }]\n---\n# PM',
      [`${BASE}runbooks/plain.md`]: highErrorRate,
    });
    const runbooks = await new RunbookCollector({
      urlReader: reader,
      staleAfterDays: 180,
    }).collect(entity('runbooks/'), new Date('2026-11-22T00:00:00Z'));
    const byId = Object.fromEntries(runbooks.map(r => [r.entry.id, r]));
    expect(byId.pm.entry.kind).toBe('postmortem');
    expect(byId.pm.details).toEqual({
      incidents: ['INC-7'],
      actionItems: [
        {
          title: 'Fix it',
          owner: null,
          due: '2026-12-01',
          status: 'open',
          issue: null,
        },
      ],
      launchDate: null,
    });
    expect(byId.plain).not.toHaveProperty('details');
  });

  it('combines Markdown and links, with unique ids and staleness', async () => {
    const reader = createFakeUrlReader({
      [`${BASE}runbooks/rollback.md`]:
        '---\nid: rollback\nlastReviewed: 2026-01-02\n---\n# Roll back',
      [`${BASE}runbooks/high-error-rate.md`]: highErrorRate,
    });
    const collector = new RunbookCollector({
      urlReader: reader,
      staleAfterDays: 180,
    });
    const runbooks = await collector.collect(
      entity('runbooks/', {
        links: [
          {
            url: 'https://wiki.example.com/rollback',
            title: 'Rollback',
            type: 'runbook',
          },
          {
            url: 'https://wiki.example.com/x',
            title: 'Unrelated',
            type: 'website',
          },
        ],
      }),
      new Date('2026-11-22T00:00:00Z'),
    );
    expect(
      runbooks.map(r => [r.entry.id, r.entry.source, r.entry.stale]),
    ).toEqual([
      ['high-error-rate', 'markdown', false],
      ['rollback', 'markdown', true],
      ['rollback-2', 'link', true],
    ]);
  });
});
