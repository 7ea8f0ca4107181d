import {
  Campaign,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import { promises as fs } from 'fs';
import { parse } from 'yaml';
import { campaignFileSchema, campaignTargetProblems } from './campaignSchema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Campaigns kept as code: parses one campaigns file (YAML, `campaigns:` list) and checks each campaign's target
 * against the checklist. Throws an Error naming the file and every problem.
 */
export function campaignsFromDocument(
  document: unknown,
  options: { source: string; checklist: Checklist },
): Campaign[] {
  const { source, checklist } = options;
  const result = campaignFileSchema.safeParse(document);
  if (!result.success) {
    throw new Error(
      `Invalid campaigns file ${source}: ${result.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const problems: string[] = [];
  const campaigns = result.data.campaigns.map((entry, index) => {
    if (UUID.test(entry.id)) {
      problems.push(
        `campaigns.${index}.id: '${entry.id}' looks like a UUID, which the API uses for its own campaigns`,
      );
    }
    for (const problem of campaignTargetProblems(entry, checklist)) {
      problems.push(`campaigns.${index}.${problem}`);
    }
    const campaign: Campaign = {
      ...entry,
      source: 'file',
      createdBy: null,
      createdAt: null,
      updatedBy: null,
      updatedAt: null,
    };
    return campaign;
  });
  if (problems.length > 0) {
    throw new Error(`Invalid campaigns file ${source}: ${problems.join('; ')}`);
  }
  return campaigns;
}

/**
 * Reads every campaigns file (paths relative to the backend's working directory) at start-up; an id used twice
 * (in one file or across files) is an error.
 */
export async function loadCampaignFiles(
  files: string[],
  checklist: Checklist,
): Promise<Campaign[]> {
  const campaigns: Campaign[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new Error(
        `Cannot read campaigns file ${file} (reliability.campaigns.files): ${
          (error as Error).message
        }`,
      );
    }
    campaigns.push(
      ...campaignsFromDocument(parse(text), { source: file, checklist }),
    );
  }
  const seen = new Set<string>();
  for (const campaign of campaigns) {
    if (seen.has(campaign.id)) {
      throw new Error(
        `Campaign id '${campaign.id}' is defined more than once in reliability.campaigns.files`,
      );
    }
    seen.add(campaign.id);
  }
  return campaigns;
}
