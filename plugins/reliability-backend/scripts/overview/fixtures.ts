/*
 * Benchmark fixtures (not demo data, not tests) for benchmark-overview.ts: N services in 50 systems of 10 domains
 * owned by 100 teams in 4 tiers, and the reliability summary rows of every service, written straight into the
 * SLO, on-call, runbook and checklist tables.
 */
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';

export const TEAMS = 100;
export const DOMAINS = 10;
export const SYSTEMS = 50;
export const LEVELS = ['bronze', 'silver', 'gold'];

export const team = (i: number) => `team-${i % TEAMS}`;
export const systemOf = (i: number) => `system-${i % SYSTEMS}`;
export const domainOfSystem = (s: number) => `domain-${s % DOMAINS}`;
export const service = (i: number) => `svc-${String(i).padStart(5, '0')}`;
export const tierOf = (i: number) => `tier-${(i % 4) + 1}`;
export const levelOf = (i: number) => (i % 5 === 4 ? 'none' : LEVELS[i % 3]);

export const LOCATION_KEY = 'reliability-benchmark';
export const LOCATION = 'url:https://benchmark.invalid/seed';

const location = {
  'backstage.io/managed-by-location': LOCATION,
  'backstage.io/managed-by-origin-location': LOCATION,
};

/** The catalog entities as a provider hands them over: domains, systems, then the services. */
export function seedEntities(services: number): Entity[] {
  const entities: Entity[] = [];
  for (let d = 0; d < DOMAINS; d++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: `domain-${d}`, annotations: location },
      spec: { owner: team(d) },
    });
  }
  for (let s = 0; s < SYSTEMS; s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}`, annotations: location },
      spec: { owner: team(s), domain: domainOfSystem(s) },
    });
  }
  for (let i = 0; i < services; i++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: service(i),
        title: `Service ${i}`,
        annotations: { ...location, [ANNOTATIONS.tier]: tierOf(i) },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team(i),
        system: systemOf(i),
      },
    });
  }
  return entities;
}

function alertStateOf(k: number): string {
  if (k % 23 === 0) return 'page';
  if (k % 11 === 0) return 'ticket';
  return 'ok';
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) =>
    items.slice(k * size, k * size + size),
  );

/** Summary rows of every service in the SLO, on-call, runbook and checklist tables. */
export async function seedReliabilityTables(db: Knex, services: number) {
  const now = new Date();
  const later = new Date(now.getTime() + 8 * 3600_000);
  const rows = Array.from({ length: services }, (_, i) => ({
    ref: `component:default/${service(i)}`,
    i,
  }));
  // 200 services a batch: SQLite inserts many rows as one compound SELECT of at most 500 terms.
  for (const batch of chunks(rows, 200)) {
    await db.transaction(async tx => {
      await tx('slo_entities').insert(
        batch.map(({ ref }) => ({
          entity_ref: ref,
          slo_count: 2,
          definition_errors: 0,
          updated_at: now,
        })),
      );
      await tx('slo_latest').insert(
        batch.flatMap(({ ref, i }) =>
          ['availability', 'latency'].map(slo => ({
            entity_ref: ref,
            slo_name: slo,
            collected_at: now,
            checked_at: now,
            attainment: 0.9995,
            budget_remaining: ((i * 37) % 120) / 100 - 0.1,
            target: 0.999,
            alert_state: alertStateOf(i),
            stale: false,
            error: null,
            alert_count: 2,
            alerts_with_runbook: 1,
            has_burn_rate_alerts: true,
            status: '{}',
          })),
        ),
      );
      await tx('oncall_latest').insert(
        batch.map(({ ref, i }) => ({
          entity_ref: ref,
          provider: 'schedule-as-code',
          snapshot: JSON.stringify({
            provider: 'schedule-as-code',
            current: [
              {
                person: { name: `Person ${i % 300}` },
                escalationLevel: 1,
                start: now.toISOString(),
                end: later.toISOString(),
              },
            ],
            next: [],
            upcoming: [],
            escalation: [{ level: 1, targets: [] }],
            computedAt: now.toISOString(),
          }),
          snapshot_at: now,
          error: null,
          updated_at: now,
        })),
      );
      await tx('runbooks_latest').insert(
        batch.map(({ ref, i }) => ({
          entity_ref: ref,
          runbook_count: i % 4,
          stale_count: i % 2,
          error_count: 0,
          alert_count: 2,
          alerts_with_runbook: 1,
          coverage: 0.5,
          error: null,
          updated_at: now,
        })),
      );
      // Never-assessed services get the `unevaluated` row the checklist refresh records for them.
      await tx('checklist_latest').insert(
        batch.map(({ ref, i }) => {
          const unevaluated = levelOf(i) === 'none';
          return {
            entity_ref: ref,
            assessment_id: null,
            checklist_version: unevaluated ? null : 'benchmark',
            assessed_at: null,
            score: unevaluated ? null : (i * 7) % 101,
            level: levelOf(i),
            category_scores: '[]',
            evaluated_at: now,
            unevaluated,
          };
        }),
      );
    });
  }
}
