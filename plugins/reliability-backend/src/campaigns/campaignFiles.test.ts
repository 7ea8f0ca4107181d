import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { testChecklist } from './__testUtils__/campaignFixtures';
import { campaignsFromDocument, loadCampaignFiles } from './campaignFiles';

const entry = {
  id: 'q1-rollbacks',
  name: 'Rollbacks everywhere',
  why: 'Most incidents follow a change.',
  target: { kind: 'items', itemIds: ['rollback'] },
  scope: { lifecycles: ['production'] },
  startDate: '2027-01-01',
  dueDate: '2027-03-31',
};

describe('campaigns kept as code', () => {
  it('reads campaigns as read-only file campaigns, active unless said otherwise', () => {
    expect(
      campaignsFromDocument(
        { campaigns: [entry, { ...entry, id: 'draft-one', status: 'draft' }] },
        { source: 'campaigns.yaml', checklist: testChecklist },
      ),
    ).toEqual([
      {
        ...entry,
        status: 'active',
        source: 'file',
        createdBy: null,
        createdAt: null,
        updatedBy: null,
        updatedAt: null,
      },
      expect.objectContaining({ id: 'draft-one', status: 'draft' }),
    ]);
  });

  it('names the file and every problem', () => {
    const read = (doc: unknown) => () =>
      campaignsFromDocument(doc, {
        source: 'campaigns.yaml',
        checklist: testChecklist,
      });
    expect(read({ campaigns: [{ ...entry, dueDate: '2026-12-31' }] })).toThrow(
      /campaigns\.yaml: campaigns\.0\.dueDate: must not be before startDate/,
    );
    expect(
      read({
        campaigns: [
          { ...entry, target: { kind: 'items', itemIds: ['nope'] } },
          { ...entry, id: 'b', target: { kind: 'level', level: 'expert' } },
        ],
      }),
    ).toThrow(
      /campaigns\.0\.target\.itemIds: no item 'nope'.*campaigns\.1\.target\.level: no level 'expert'/,
    );
    expect(
      read({
        campaigns: [{ ...entry, id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f' }],
      }),
    ).toThrow(/looks like a UUID/);
    expect(read({ campaigns: [{ ...entry, owner: 'x' }] })).toThrow(
      /Unrecognized key/,
    );
  });

  it('loads several files and refuses an id used twice', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'campaigns-'));
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    await fs.writeFile(
      a,
      `campaigns:\n  - id: q1-rollbacks\n    name: Rollbacks\n    why: Changes cause incidents.\n    target: { kind: level, level: beginner }\n    scope: {}\n    startDate: '2027-01-01'\n    dueDate: '2027-03-31'\n`,
    );
    await fs.writeFile(b, (await fs.readFile(a, 'utf8')).replace('q1-', 'q2-'));
    expect(
      (await loadCampaignFiles([a, b], testChecklist)).map(c => c.id),
    ).toEqual(['q1-rollbacks', 'q2-rollbacks']);
    await expect(loadCampaignFiles([a, a], testChecklist)).rejects.toThrow(
      /'q1-rollbacks' is defined more than once/,
    );
    await expect(
      loadCampaignFiles([path.join(dir, 'missing.yaml')], testChecklist),
    ).rejects.toThrow(/Cannot read campaigns file .*missing\.yaml/);
  });
});
