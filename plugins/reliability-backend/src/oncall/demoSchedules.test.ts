import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { scheduleSegments } from './scheduleAsCode/computeOnCall';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';

/** The demo schedules in examples/reliability/oncall load cleanly and follow the README's naming. */
const repoRoot = path.resolve(__dirname, '../../../..');
const backendDir = path.join(repoRoot, 'packages/backend');
const GROUPS = [
  'web-storefront',
  'checkout-payments',
  'order-management',
  'warehouse-systems',
  'delivery-experience',
  'sre',
];

describe('demo on-call schedules', () => {
  const config = parseYaml(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const files: string[] = config.reliability.onCall.scheduleFiles;

  it('are all listed in app-config.yaml and load without errors', async () => {
    expect(files).toHaveLength(GROUPS.length);
    const repository = new ScheduleRepository({
      files,
      logger: mockServices.logger.mock(),
      baseDir: backendDir,
    });
    expect(await repository.reload()).toEqual([]);
    for (const group of GROUPS) {
      expect(repository.getSchedule(`${group}-primary`)).toBeDefined();
      expect(repository.getPolicy(group)).toBeDefined();
    }
  });

  it('has exactly one single-person rotation (delivery-experience) and no coverage gaps', async () => {
    const repository = new ScheduleRepository({
      files,
      logger: mockServices.logger.mock(),
      baseDir: backendDir,
    });
    await repository.reload();
    const from = Date.parse('2026-12-01T00:00:00Z');
    const to = Date.parse('2027-01-15T00:00:00Z');
    const single: string[] = [];
    for (const group of GROUPS) {
      const schedule = repository.getSchedule(`${group}-primary`)!;
      const people = new Set(
        schedule.layers.flatMap(l => l.members.map(m => m.userRef)),
      );
      if (people.size === 1) single.push(group);
      const segments = scheduleSegments(schedule, from, to);
      expect(segments.filter(s => s.person === null)).toEqual([]);
    }
    expect(single).toEqual(['delivery-experience']);
  });
  it('gives every escalation level a runbook', async () => {
    const repository = new ScheduleRepository({
      files,
      logger: mockServices.logger.mock(),
      baseDir: backendDir,
    });
    await repository.reload();
    for (const group of GROUPS) {
      const levels = repository.getPolicy(group)!.levels;
      expect(levels.filter(level => !level.runbook)).toEqual([]);
    }
  });
});
