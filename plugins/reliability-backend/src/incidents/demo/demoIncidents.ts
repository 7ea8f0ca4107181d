import { Incident } from '@internal/backstage-plugin-reliability-common';

/**
 * DEMO DATA: the incident history of the Parcelly demo catalog (examples/catalog), written to the embedded
 * source when `reliability.demo.seedIncidents` is on. Times are relative to the seeding run, so the history
 * always covers the last 90 days; the postmortems in examples/reliability/runbooks name these ids.
 */
export interface DemoIncident {
  /** Name of the Component (namespace default). */
  component: string;
  id: string;
  title: string;
  severity: Incident['severity'];
  /** Start: this many days (and hours) before the seeding run. */
  daysAgo: number;
  hoursAgo?: number;
  /** Minutes from the start to the acknowledgement; absent: never acknowledged. */
  ackMinutes?: number;
  /** Minutes from the start to the resolution; absent: still open. */
  resolveMinutes?: number;
}

export const DEMO_INCIDENTS: DemoIncident[] = [
  {
    component: 'cart-service',
    id: 'PCL-INC-1224',
    title: 'Cart service: elevated 5xx after the Redis node replacement',
    severity: 'sev3',
    daysAgo: 0,
    hoursAgo: 1,
    ackMinutes: 7,
  },
  {
    component: 'api-gateway',
    id: 'PCL-INC-1221',
    title: 'Gateway config push dropped the TLS routes of two APIs',
    severity: 'sev1',
    daysAgo: 1,
    ackMinutes: 3,
    resolveMinutes: 38,
  },
  {
    component: 'checkout-api',
    id: 'PCL-INC-1214',
    // Open since the demo SLO's slow burn began (the `burning` profile of slo/demo/demoTraffic.ts), so the
    // burn-down chart shows the budget drop beside the incident that explains it.
    title: 'Checkout: slow burn of 5xx since release 2026.46, rollback pending',
    severity: 'sev3',
    daysAgo: 7,
    ackMinutes: 25,
  },
  {
    component: 'payments',
    id: 'PCL-INC-1207',
    title: 'PSP timeouts during the evening peak',
    severity: 'sev1',
    daysAgo: 6,
    hoursAgo: 5,
    ackMinutes: 4,
    resolveMinutes: 95,
  },
  {
    component: 'order-api',
    id: 'PCL-INC-1203',
    title: 'Order history slow for large accounts',
    severity: 'sev4',
    daysAgo: 8,
    ackMinutes: 45,
    resolveMinutes: 300,
  },
  {
    component: 'carrier-integration',
    id: 'PCL-INC-1199',
    title: 'Carrier label API rate-limited us for 20 minutes',
    severity: 'sev3',
    daysAgo: 12,
    ackMinutes: 9,
    resolveMinutes: 41,
  },
  {
    component: 'identity-service',
    id: 'PCL-INC-1195',
    title: 'Login latency after the JWKS cache change',
    severity: 'sev3',
    daysAgo: 18,
    ackMinutes: 14,
    resolveMinutes: 130,
  },
  {
    component: 'order-api',
    id: 'PCL-INC-1192',
    title: 'Order API errors during the database failover',
    severity: 'sev2',
    daysAgo: 20,
    ackMinutes: 11,
    resolveMinutes: 74,
  },
  {
    component: 'checkout-api',
    id: 'PCL-INC-1189',
    title: 'Slow checkout: session store evictions',
    severity: 'sev3',
    daysAgo: 25,
    ackMinutes: 12,
    resolveMinutes: 180,
  },
  {
    component: 'payments',
    id: 'PCL-INC-1176',
    title: 'Refund webhooks backed up for two hours',
    severity: 'sev3',
    daysAgo: 31,
    resolveMinutes: 125,
  },
  {
    component: 'warehouse-management',
    id: 'PCL-INC-1160',
    title: 'Pick lists not generated for site DE-2',
    severity: 'sev2',
    daysAgo: 55,
    ackMinutes: 8,
    resolveMinutes: 210,
  },
  {
    component: 'checkout-api',
    id: 'PCL-INC-1131',
    title: 'Checkout unavailable for EU customers (CDN misconfiguration)',
    severity: 'sev1',
    daysAgo: 70,
    ackMinutes: 2,
    resolveMinutes: 47,
  },
];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A demo incident as the embedded source stores it, with times counted back from `anchor`. */
export function demoIncidentAt(
  demo: DemoIncident,
  anchor: Date,
): Omit<Incident, 'source'> {
  const start =
    anchor.getTime() - demo.daysAgo * DAY_MS - (demo.hoursAgo ?? 0) * HOUR_MS;
  const at = (minutes: number | undefined) =>
    minutes === undefined
      ? null
      : new Date(start + minutes * MINUTE_MS).toISOString();
  const resolvedAt = at(demo.resolveMinutes);
  const acknowledgedAt = at(demo.ackMinutes);
  let status: Incident['status'] = 'triggered';
  if (resolvedAt) status = 'resolved';
  else if (acknowledgedAt) status = 'acknowledged';
  return {
    id: demo.id,
    title: demo.title,
    severity: demo.severity,
    status,
    startedAt: new Date(start).toISOString(),
    acknowledgedAt,
    resolvedAt,
    url: `https://status.parcelly.example/incidents/${demo.id}`,
  };
}
