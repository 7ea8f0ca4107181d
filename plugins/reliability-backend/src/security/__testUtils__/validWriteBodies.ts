import { defaultChecklist } from '../../checklist/defaultChecklist';
import { SAMPLE_PARAMS } from '../listRoutes';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A minimal valid body of one write route, and which of its top-level fields may be left out. */
export interface ValidWriteBody {
  body: Record<string, unknown>;
  optionalFields?: string[];
}

/** A self-assessed item of the default checklist. */
const SELF_ASSESSED_ITEM = defaultChecklist.items.find(
  item => item.kind === 'self-assessed',
)!.id;

/**
 * Valid bodies of every write route, keyed by `METHOD /path` as the router declares it, built from the
 * routes' zod schemas (src/slo/embedded/sliEventsSchema.ts, src/incidents/embedded/incidentsBodySchema.ts,
 * src/alerts/embedded/alertsBodySchema.ts,
 * src/checklist/requestSchemas.ts, src/policy/router.ts).
 * Routes are sent in the order the routers declare them, so the exemption of the sample item is requested,
 * then decided, then revoked; rows no route can create at a known id (a deploy-gate override) are seeded first
 * with `seedSampleRows`.
 * A write route missing here fails the security tests: add its body when adding the route.
 */
export const VALID_WRITE_BODIES: Record<string, (now: Date) => ValidWriteBody> =
  {
    'POST /background-work/:taskId/trigger': () => ({
      body: { reason: 'Prometheus credentials fixed' },
    }),
    'POST /entities/:kind/:namespace/:name/sli-events': now => ({
      body: {
        sli: 'checkout-requests',
        events: [
          {
            start: new Date(now.getTime() - 10 * MINUTE_MS).toISOString(),
            end: new Date(now.getTime() - 5 * MINUTE_MS).toISOString(),
            good: 995,
            total: 1000,
          },
        ],
      },
    }),
    'POST /entities/:kind/:namespace/:name/incidents': now => ({
      body: {
        incidents: [
          {
            id: 'INC-1042',
            title: 'Checkout errors after the release',
            severity: 'sev2',
            status: 'resolved',
            startedAt: new Date(
              now.getTime() - 3 * 60 * MINUTE_MS,
            ).toISOString(),
            acknowledgedAt: new Date(
              now.getTime() - 170 * MINUTE_MS,
            ).toISOString(),
            resolvedAt: new Date(now.getTime() - 60 * MINUTE_MS).toISOString(),
            url: 'https://status.example.com/incidents/INC-1042',
          },
        ],
      },
    }),
    'POST /entities/:kind/:namespace/:name/alerts': now => ({
      body: {
        alerts: [
          {
            id: 'checkout/HighErrorRate',
            name: 'CheckoutHighErrorRate',
            state: 'firing',
            severity: 'critical',
            pages: true,
            runbookUrl: 'https://wiki.example.com/runbooks/checkout-errors',
            description: 'More than 1% of checkout requests fail',
            url: 'https://prometheus.example.com/alerts',
            // No `labels`: a free-form map (any label name is valid), unlike the strict objects fuzzed here;
            // src/alerts/router.test.ts checks its limits.
            query:
              'sum(rate(http_errors_total[5m])) / sum(rate(http_requests_total[5m])) > 0.01',
          },
        ],
        firings: [
          {
            alertId: 'checkout/HighErrorRate',
            startedAt: new Date(now.getTime() - 90 * MINUTE_MS).toISOString(),
            resolvedAt: new Date(now.getTime() - 80 * MINUTE_MS).toISOString(),
          },
        ],
        replace: false,
      },
      optionalFields: ['alerts', 'firings', 'replace'],
    }),
    'POST /entities/:kind/:namespace/:name/maturity/assessments': now => ({
      body: {
        checklistVersion: defaultChecklist.version,
        answers: {
          [SELF_ASSESSED_ITEM]: {
            answer: 'yes',
            evidenceUrl: 'https://example.com/evidence',
            note: 'Reviewed with the team',
            expiresAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
          },
        },
      },
    }),
    'POST /entities/:kind/:namespace/:name/deploy-gate/overrides': now => ({
      body: {
        reason: 'Hotfix for the checkout outage',
        expiresAt: new Date(now.getTime() + 2 * 60 * MINUTE_MS).toISOString(),
      },
    }),
    // Revokes the override seeded with the sample id (seedSampleRows), which the POST above cannot address.
    'DELETE /entities/:kind/:namespace/:name/deploy-gate/overrides/:id':
      now => ({
        body: {
          reason: 'The hotfix shipped',
          endsAt: new Date(now.getTime() + 10 * MINUTE_MS).toISOString(),
        },
        optionalFields: ['endsAt'],
      }),
    'POST /entities/:kind/:namespace/:name/maturity/exemptions': now => ({
      body: {
        itemId: SAMPLE_PARAMS.itemId,
        justification: 'Covered by the platform team until the migration',
        expiresAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
      },
    }),
    'POST /entities/:kind/:namespace/:name/maturity/exemptions/:itemId/decision':
      now => ({
        body: {
          decision: 'approve',
          comment: 'Agreed with the SRE team',
          expiresAt: new Date(now.getTime() + 20 * DAY_MS).toISOString(),
        },
        optionalFields: ['comment', 'expiresAt'],
      }),
    'DELETE /entities/:kind/:namespace/:name/maturity/exemptions/:itemId':
      now => ({
        body: {
          reason: 'The migration is done',
          endsAt: new Date(now.getTime() + 5 * DAY_MS).toISOString(),
        },
        optionalFields: ['endsAt'],
      }),
    'PUT /campaigns/:id': now => ({
      body: {
        name: 'Tier-1 services reach Intermediate',
        why: 'Peak season is coming; every tier-1 service needs tested restores and rollbacks.',
        target: { kind: 'level', level: 'intermediate' },
        scope: {
          tiers: ['tier-1'],
          owners: ['group:default/checkout-payments'],
          lifecycles: ['production'],
        },
        startDate: now.toISOString().slice(0, 10),
        dueDate: new Date(now.getTime() + 60 * DAY_MS)
          .toISOString()
          .slice(0, 10),
        status: 'active',
      },
    }),
    'PUT /entities/:kind/:namespace/:name/maturity/draft': () => ({
      body: {
        checklistVersion: defaultChecklist.version,
        answers: { [SELF_ASSESSED_ITEM]: { answer: 'partial', note: 'WIP' } },
        step: 1,
      },
      optionalFields: ['step'],
    }),
    // An item of the sample Group's learning path (sampleEntities, learningPathUrlReader), ticked off.
    'PUT /learning/progress': () => ({
      body: {
        group: 'group:default/checkout-api',
        itemId: 'walk-pay',
        done: true,
      },
    }),
  };

/** The valid body of a write route; throws (failing the test) when the route has no entry. */
export function validWriteBody(key: string, now: Date): ValidWriteBody {
  const build = VALID_WRITE_BODIES[key];
  if (!build) {
    throw new Error(
      `No valid body for the write route '${key}': add one to src/security/__testUtils__/validWriteBodies.ts`,
    );
  }
  return build(now);
}
