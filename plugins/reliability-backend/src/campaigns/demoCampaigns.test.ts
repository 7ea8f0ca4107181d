import path from 'path';
import { defaultChecklist } from '../checklist/defaultChecklist';
import { loadCampaignFiles } from './campaignFiles';

const DEMO_FILE = path.resolve(
  __dirname,
  '../../../../examples/reliability/campaigns.yaml',
);

describe('the demo campaigns', () => {
  it('are valid against the default checklist: one on track, one overdue', async () => {
    const campaigns = await loadCampaignFiles([DEMO_FILE], defaultChecklist);
    expect(
      campaigns.map(c => [c.id, c.status, c.source, c.dueDate > '2027-01-01']),
    ).toEqual([
      ['tier-1-slos-and-alerts', 'active', 'file', true],
      ['peak-season-beginner', 'active', 'file', false],
    ]);
  });
});
