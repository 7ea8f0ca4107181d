import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseScheduleFile, ScheduleRepository } from './ScheduleRepository';

const VALID = `
schedules:
  - id: payments-primary
    name: Payments primary
    timeZone: Europe/Berlin
    layers:
      - name: Weekly
        members: [user:default/ana.silva, bo@example.com]
        rotation: weekly
        handoffTime: '09:00'
        start: '2026-01-05'
escalationPolicies:
  - id: payments
    levels:
      - escalateAfterMinutes: 15
        targets: [{ schedule: payments-primary }]
        runbook: https://runbooks.example.com/payments
      - targets: [{ user: user:default/lead }]
`;

describe('parseScheduleFile', () => {
  it('accepts a valid file', () => {
    const file = parseScheduleFile(VALID, 'oncall.yaml');
    expect(file.schedules[0].layers[0].restrictions).toEqual([]);
    expect(file.escalationPolicies[0].levels).toHaveLength(2);
  });

  it('accepts runbook ids as well as URLs on escalation levels, nothing else', () => {
    const withId = VALID.replace(
      'runbook: https://runbooks.example.com/payments',
      'runbook: payment-failures',
    );
    expect(
      parseScheduleFile(withId, 'oncall.yaml').escalationPolicies[0].levels[0]
        .runbook,
    ).toBe('payment-failures');
    const bad = VALID.replace(
      'runbook: https://runbooks.example.com/payments',
      "runbook: 'javascript:alert(1)'",
    );
    expect(() => parseScheduleFile(bad, 'oncall.yaml')).toThrow(
      /levels\.0\.runbook/,
    );
  });

  it('names every problem with its path', () => {
    const text = `
schedules:
  - id: x
    name: X
    timeZone: Mars/Olympus
    layers:
      - name: L
        members: []
        rotation: custom
        handoffTime: '9am'
        start: '2026-02-30'
`;
    expect(() => parseScheduleFile(text, 'bad.yaml')).toThrow(
      /bad\.yaml: .*schedules\.0\.timeZone: must be an IANA time zone.*schedules\.0\.layers\.0\.members/,
    );
    expect(() => parseScheduleFile(text, 'bad.yaml')).toThrow(
      /handoffTime: must be a time 'HH:mm'/,
    );
    expect(() => parseScheduleFile(text, 'bad.yaml')).toThrow(
      /start: must be a valid calendar date/,
    );
  });

  it('requires rotationHours for custom rotations and ordered overrides', () => {
    const text = `
schedules:
  - id: x
    name: X
    timeZone: UTC
    layers:
      - { name: L, members: [a], rotation: custom, start: '2026-01-01' }
    overrides:
      - { member: a, start: '2026-01-02T10:00', end: '2026-01-02T09:00' }
`;
    expect(() => parseScheduleFile(text, 'f')).toThrow(
      /rotationHours: rotationHours is required/,
    );
    expect(() => parseScheduleFile(text, 'f')).toThrow(
      /overrides\.0\.end: end must be after start/,
    );
  });

  it('reports invalid YAML', () => {
    expect(() => parseScheduleFile('schedules: [', 'f.yaml')).toThrow(
      /f\.yaml: invalid YAML/,
    );
  });
});

describe('ScheduleRepository', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('loads files relative to the base directory and keeps the last good content', async () => {
    await fs.writeFile(path.join(dir, 'a.yaml'), VALID);
    const logger = mockServices.logger.mock();
    const repository = new ScheduleRepository({
      files: ['a.yaml', 'missing.yaml'],
      logger,
      baseDir: dir,
    });
    const errors = await repository.reload();
    expect(errors).toEqual([expect.stringMatching(/^missing\.yaml: /)]);
    expect(repository.getSchedule('PAYMENTS-primary')?.name).toBe(
      'Payments primary',
    );
    expect(repository.getPolicy('payments')?.levels).toHaveLength(2);

    await fs.writeFile(path.join(dir, 'a.yaml'), 'schedules: [{ id: 1 }]');
    const next = await repository.reload();
    expect(next).toContainEqual(
      expect.stringMatching(/^a\.yaml: schedules\.0/),
    );
    expect(repository.getSchedule('payments-primary')).toBeDefined();
    expect(logger.error).toHaveBeenCalled();
  });

  it('reports duplicate ids and policies that refer to unknown schedules', async () => {
    await fs.writeFile(path.join(dir, 'a.yaml'), VALID);
    await fs.writeFile(
      path.join(dir, 'b.yaml'),
      `${VALID}\n  - id: other\n    levels: [{ targets: [{ schedule: nope }] }]\n`,
    );
    const repository = new ScheduleRepository({
      files: ['a.yaml', 'b.yaml'],
      logger: mockServices.logger.mock(),
      baseDir: dir,
    });
    const errors = await repository.reload();
    expect(errors).toEqual(
      expect.arrayContaining([
        "b.yaml: duplicate schedule id 'payments-primary'",
        "b.yaml: duplicate escalation policy id 'payments'",
        "escalation policy 'other' refers to unknown schedule 'nope'",
      ]),
    );
  });
});
