/*
 * Benchmark fixtures (not demo data, not tests) for benchmark-cycles.ts: the catalog entities of N services with
 * two inline SLOs on the embedded SLI store, a schedule-as-code file with one schedule per team, and a local HTTP
 * server answering every service's Markdown runbook.
 */
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const TEAMS = 100;
const SYSTEMS = 50;
const DOMAINS = 10;

export const serviceName = (i: number) => `svc-${String(i).padStart(5, '0')}`;
export const serviceRef = (i: number) => `component:default/${serviceName(i)}`;
const team = (i: number) => `team-${i % TEAMS}`;

/** Two SLOs per service: availability (Occurrences, fast and slow burn alerts) and latency (RatioTimeslices, 1h slices). */
function inlineSlos(name: string): string {
  const sli = (sliName: string) => `
  indicator:
    metadata:
      name: ${sliName}
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource: { type: embedded, spec: { sli: ${sliName} } }
        total:
          metricSource: { type: embedded, spec: { sli: ${sliName} } }`;
  const burnAlert = (
    alert: string,
    severity: string,
    threshold: number,
    lookback: string,
  ) => `
    - kind: AlertPolicy
      metadata:
        name: ${name}-${alert}
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: ${alert}
            spec:
              severity: ${severity}
              condition: { kind: burnrate, op: gte, threshold: ${threshold}, lookbackWindow: ${lookback}, alertAfter: 5m }`;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-availability
spec:
  service: ${name}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.995${sli('requests')}
  alertPolicies:${burnAlert('fast-burn', 'page', 14.4, '1h')}${burnAlert(
    'slow-burn',
    'ticket',
    1,
    '3d',
  )}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-latency
spec:
  service: ${name}
  budgetingMethod: RatioTimeslices
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.99
      timeSliceWindow: 1h${sli('latency')}
`;
}

/** Domains, systems, teams and N services with SLOs, an on-call schedule and a runbook each. */
export function benchmarkEntities(services: number, baseUrl: string): Entity[] {
  const location = {
    'backstage.io/managed-by-location': `url:${baseUrl}/catalog/catalog-info.yaml`,
    'backstage.io/managed-by-origin-location': `url:${baseUrl}/catalog/catalog-info.yaml`,
  };
  const entities: Entity[] = [];
  for (let t = 0; t < TEAMS; t++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team(t), annotations: location },
      spec: { type: 'team', children: [] },
    });
  }
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
      spec: { owner: team(s), domain: `domain-${s % DOMAINS}` },
    });
  }
  for (let i = 0; i < services; i++) {
    const name = serviceName(i);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        annotations: {
          ...location,
          [ANNOTATIONS.tier]: `tier-${(i % 4) + 1}`,
          [ANNOTATIONS.sloInline]: inlineSlos(name),
          [ANNOTATIONS.onCallSchedule]: `${team(i)}-primary`,
          [ANNOTATIONS.runbooks]: `./runbooks/${name}.md`,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team(i),
        system: `system-${i % SYSTEMS}`,
      },
    });
  }
  return entities;
}

/** One weekly schedule of three people per team (schedules as code, people by email), written to `directory`. */
export function writeScheduleFile(directory: string): string {
  const lines = ['# Benchmark fixture: one schedule per team.', 'schedules:'];
  for (let t = 0; t < TEAMS; t++) {
    lines.push(
      `  - id: ${team(t)}-primary`,
      `    name: ${team(t)} primary`,
      '    timeZone: Europe/Berlin',
      '    layers:',
      '      - name: Weekly',
      // By email, as vendors' people come: each is looked up among the catalog's Users (none match here).
      `        members: [${['a', 'b', 'c']
        .map(p => `'person-${t}${p}@bench.example'`)
        .join(', ')}]`,
      '        rotation: weekly',
      "        handoffTime: '09:00'",
      "        start: '2026-01-05'",
    );
  }
  const file = join(directory, 'schedules.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Serves `/catalog/runbooks/<service>.md`: one runbook answering the service's fast-burn alert. */
export async function startRunbookServer(): Promise<{
  server: Server;
  baseUrl: string;
  reads: () => number;
}> {
  let reads = 0;
  const server = createServer((req, res) => {
    const match = /^\/catalog\/runbooks\/(svc-\d+)\.md$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    reads += 1;
    const name = match[1];
    res
      .writeHead(200, { 'content-type': 'text/markdown' })
      .end(
        [
          '---',
          `title: ${name} is failing requests`,
          'kind: runbook',
          `answers: [${name}-availability-fast-burn]`,
          'lastReviewed: 2026-11-01',
          '---',
          '',
          `# ${name} is failing requests`,
          '',
          '1. Check the dashboard.',
          '2. Roll back the last deploy.',
          '',
        ].join('\n'),
      );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}`, reads: () => reads };
}
