import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { checklistProblems } from './checklistSchema';
import { defaultChecklist } from './defaultChecklist';
import { checklistFromDocument, loadChecklist } from './loadChecklist';

describe('default checklist', () => {
  it('is consistent and covers every level and category', () => {
    expect(checklistProblems(defaultChecklist)).toEqual([]);
    for (const level of defaultChecklist.levels) {
      expect(defaultChecklist.items.some(i => i.level === level.id)).toBe(true);
    }
    for (const category of defaultChecklist.categories) {
      expect(defaultChecklist.items.some(i => i.category === category.id)).toBe(
        true,
      );
    }
    const checks = defaultChecklist.items.flatMap(i =>
      i.check ? [i.check] : [],
    );
    expect(checks.sort()).toEqual([
      'acknowledge-within-target',
      'action-items-on-time',
      'burn-rate-alerts',
      'deploys-ask-gate',
      'no-noisy-alerts',
      'oncall-two-people',
      'pages-have-runbooks',
      'paging-mostly-slo-based',
      'postmortems-on-time',
      'runbook-coverage',
      'runbooks-fresh',
      'slo-defined',
      'slo-met-last-window',
    ]);
    // "Not applicable" only where a practice does not apply to every service.
    const optional = defaultChecklist.items
      .filter(i => i.allowNotApplicable)
      .map(i => i.id);
    expect(optional).toEqual([
      'gradual-rollout',
      'canary-judged-by-slo',
      'timeouts-retries',
      'graceful-shutdown',
      'restore-tested',
      'failover-exercised',
    ]);
    expect(() =>
      checklistFromDocument(JSON.parse(JSON.stringify(defaultChecklist)), {
        extend: false,
        source: 'default',
      }),
    ).not.toThrow();
  });
});

describe('checklistFromDocument', () => {
  const item = {
    id: 'chaos-days',
    title: 'Chaos days',
    why: 'Failure injection finds weaknesses.',
    level: 'advanced',
    category: 'capacity',
    weight: 2,
    kind: 'self-assessed',
  };

  it('extends the default checklist, replacing items with the same id', () => {
    const checklist = checklistFromDocument(
      {
        version: 'acme-1',
        items: [item, { ...defaultChecklist.items[1], weight: 5 }],
      },
      { extend: true, source: 'test' },
    );
    expect(checklist.version).toBe(`${defaultChecklist.version}+acme-1`);
    expect(checklist.items).toHaveLength(defaultChecklist.items.length + 1);
    expect(checklist.items[1].weight).toBe(5);
    expect(checklist.items.at(-1)?.id).toBe('chaos-days');
  });

  it('replaces the checklist and names every problem', () => {
    expect(() =>
      checklistFromDocument(
        {
          version: 'v1',
          levels: [{ id: 'bronze', title: 'Bronze' }],
          categories: [{ id: 'ops', title: 'Ops' }],
          items: [item, item],
        },
        { extend: false, source: "'acme.yaml'" },
      ),
    ).toThrow(
      "Invalid checklist 'acme.yaml': duplicate item id 'chaos-days'; item 'chaos-days' has unknown level 'advanced'; item 'chaos-days' has unknown category 'capacity'",
    );
  });

  it('lets self-assessed items allow "not applicable", and only them', () => {
    const checklist = checklistFromDocument(
      { version: 'acme-1', items: [{ ...item, allowNotApplicable: true }] },
      { extend: true, source: 'test' },
    );
    expect(checklist.items.at(-1)?.allowNotApplicable).toBe(true);
    expect(() =>
      checklistFromDocument(
        {
          version: 'acme-1',
          items: [
            {
              ...item,
              kind: 'automatic',
              check: 'slo-defined',
              allowNotApplicable: true,
            },
          ],
        },
        { extend: true, source: 'test' },
      ),
    ).toThrow(/items\.0\.allowNotApplicable/);
  });

  it('rejects schema errors with their path', () => {
    expect(() =>
      checklistFromDocument(
        {
          version: 'v1',
          items: [{ ...item, kind: 'automatic', weight: 50 }],
        },
        { extend: true, source: 'test' },
      ),
    ).toThrow(/items\.0\.weight.*items\.0\.check/s);
  });
});

describe('loadChecklist', () => {
  it('returns the default checklist without a file', async () => {
    await expect(loadChecklist({ extend: false })).resolves.toBe(
      defaultChecklist,
    );
  });

  it('reads a YAML file and reports unreadable or invalid ones', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'checklist-'));
    const file = path.join(dir, 'checklist.yaml');
    await fs.writeFile(
      file,
      'version: acme-2\nitems:\n  - id: chaos-days\n    title: Chaos days\n    why: Finds weaknesses.\n    level: advanced\n    category: capacity\n    weight: 1\n    kind: self-assessed\n',
    );
    const checklist = await loadChecklist({ file, extend: true });
    expect(checklist.items.at(-1)?.id).toBe('chaos-days');

    await fs.writeFile(file, 'version: [unclosed');
    await expect(loadChecklist({ file, extend: true })).rejects.toThrow(
      /is not valid YAML/,
    );
    await expect(
      loadChecklist({ file: path.join(dir, 'missing.yaml'), extend: true }),
    ).rejects.toThrow(/Cannot read reliability.checklist.file/);
  });
});
