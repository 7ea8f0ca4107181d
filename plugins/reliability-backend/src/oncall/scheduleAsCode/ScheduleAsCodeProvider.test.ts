import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScheduleAsCodeProvider } from './ScheduleAsCodeProvider';
import { ScheduleRepository } from './ScheduleRepository';

const FILE = `
schedules:
  - id: checkout-primary
    name: Checkout primary
    timeZone: Europe/Berlin
    contact: [{ type: slack, value: '#checkout-oncall' }]
    layers:
      - name: Daily
        members: [ana@example.com, bo@example.com, cy@example.com]
        rotation: daily
        handoffTime: '09:00'
        start: '2026-03-01'
  - id: checkout-secondary
    name: Checkout secondary
    timeZone: America/New_York
    layers:
      - name: Weekly
        members: [user:default/dee, user:default/eli]
        rotation: weekly
        handoffTime: '10:00'
        start: '2026-03-02'
escalationPolicies:
  - id: checkout
    levels:
      - escalateAfterMinutes: 10
        targets: [{ schedule: checkout-primary }]
        runbook: https://runbooks.example.com/checkout
      - escalateAfterMinutes: 20
        targets: [{ schedule: checkout-secondary }]
      - targets: [{ user: fay@example.com }]
`;

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: { owner: 'group:default/payments' },
  };
}

describe('ScheduleAsCodeProvider', () => {
  let provider: ScheduleAsCodeProvider;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-'));
    await fs.writeFile(path.join(dir, 'oncall.yaml'), FILE);
    const repository = new ScheduleRepository({
      files: ['oncall.yaml'],
      logger: mockServices.logger.mock(),
      baseDir: dir,
    });
    await repository.reload();
    provider = new ScheduleAsCodeProvider({ repository });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('supports entities with a schedule or policy annotation', () => {
    expect(provider.supports(entity({}))).toBe(false);
    expect(
      provider.supports(
        entity({ 'reliability.sre-portal.dev/oncall-schedule': 'x' }),
      ),
    ).toBe(true);
    expect(
      provider.supports(
        entity({ 'reliability.sre-portal.dev/escalation-policy': 'x' }),
      ),
    ).toBe(true);
  });

  it('computes current, next and upcoming shifts and the escalation chain of a policy', async () => {
    // Saturday 2026-03-28 12:00 CET; Berlin switches to CEST that night.
    const snapshot = await provider.getOnCall({
      entity: entity({
        'reliability.sre-portal.dev/escalation-policy': 'checkout',
      }),
      at: new Date('2026-03-28T11:00:00Z'),
      horizonDays: 3,
    });
    expect(snapshot.provider).toBe('schedule-as-code');
    expect(snapshot.current).toEqual([
      {
        person: { name: 'ana', email: 'ana@example.com' },
        escalationLevel: 1,
        scheduleName: 'Checkout primary',
        start: '2026-03-28T08:00:00.000Z',
        end: '2026-03-29T07:00:00.000Z',
        timeZone: 'Europe/Berlin',
      },
      expect.objectContaining({
        person: { name: 'eli', userRef: 'user:default/eli' },
        escalationLevel: 2,
        start: '2026-03-23T14:00:00.000Z',
        end: '2026-03-30T14:00:00.000Z',
      }),
    ]);
    expect(
      snapshot.next.map(s => [s.escalationLevel, s.person.name, s.start]),
    ).toEqual([
      [1, 'bo', '2026-03-29T07:00:00.000Z'],
      [2, 'dee', '2026-03-30T14:00:00.000Z'],
    ]);
    expect(snapshot.upcoming.map(s => s.start)).toEqual([
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T14:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
    expect(snapshot.escalation).toEqual([
      {
        level: 1,
        escalateAfterMinutes: 10,
        targets: [{ kind: 'schedule', name: 'Checkout primary' }],
        runbook: 'https://runbooks.example.com/checkout',
      },
      {
        level: 2,
        escalateAfterMinutes: 20,
        targets: [{ kind: 'schedule', name: 'Checkout secondary' }],
        runbook: undefined,
      },
      {
        level: 3,
        escalateAfterMinutes: undefined,
        targets: [
          {
            kind: 'person',
            name: 'fay',
            person: { name: 'fay', email: 'fay@example.com' },
          },
        ],
        runbook: undefined,
      },
    ]);
    expect(snapshot.rotations?.map(r => [r.level, r.members.length])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(snapshot.contact).toEqual([
      { type: 'slack', value: '#checkout-oncall' },
    ]);
  });

  it('uses a schedule alone as the only escalation level', async () => {
    const snapshot = await provider.getOnCall({
      entity: entity({
        'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
      }),
      at: new Date('2026-03-28T11:00:00Z'),
      horizonDays: 1,
    });
    expect(snapshot.escalation).toHaveLength(1);
    expect(snapshot.current[0].person.email).toBe('ana@example.com');
  });

  it('fails clearly for unknown schedules and policies', async () => {
    await expect(
      provider.getOnCall({
        entity: entity({
          'reliability.sre-portal.dev/oncall-schedule': 'nope',
        }),
        at: new Date(),
        horizonDays: 1,
      }),
    ).rejects.toThrow(
      "On-call schedule 'nope' is not defined in reliability.onCall.scheduleFiles (oncall.yaml)",
    );
    await expect(
      provider.getOnCall({
        entity: entity({
          'reliability.sre-portal.dev/escalation-policy': 'nope',
        }),
        at: new Date(),
        horizonDays: 1,
      }),
    ).rejects.toThrow("Escalation policy 'nope' is not defined");
  });

  it('lists the finished and current shifts of a period', () => {
    const shifts = provider.getShiftsBetween(
      entity({
        'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
      }),
      new Date('2026-03-10T00:00:00Z'),
      new Date('2026-03-13T00:00:00Z'),
    );
    expect(shifts.map(s => s.person.name)).toEqual(['cy', 'ana', 'bo', 'cy']);
  });
});
