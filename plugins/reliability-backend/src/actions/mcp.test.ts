import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Knex } from 'knex';
import { reliabilityPlugin } from '../plugin';
import {
  actionEntities,
  actionsTestProvidersModule,
  catalogFactory,
  catalogHidingFromUsers,
  ERROR_SPIKE_RUNBOOK_URL,
  OWNER_REF,
  ownerOnlyPermissionsFactory,
  STRANGER_REF,
  TEAM_REF,
} from './__testUtils__/actionFixtures';

const TOOLS = [
  'reliability.check-data-freshness',
  'reliability.check-deploy-gate',
  'reliability.explain-system',
  'reliability.find-runbooks',
  'reliability.get-service-reliability',
  'reliability.list-services-at-risk',
  'reliability.submit-sli-events',
  'reliability.who-is-on-call',
];

type Backend = Awaited<ReturnType<typeof startTestBackend>>;

/** An MCP client of the backend's MCP actions server, calling as `userRef`. */
async function connect(backend: Backend, userRef: string): Promise<Client> {
  const url = new URL(
    `http://localhost:${backend.server.port()}/api/mcp-actions/v1`,
  );
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: {
      headers: { Authorization: mockCredentials.user.header(userRef) },
    },
  });
  const client = new Client({ name: 'reliability-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Calls a tool and returns its structured output; fails the test when the tool reports an error. */
async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<any> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  }
  return result.structuredContent;
}

function errorText(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as Array<{ text: string }>)
    .map(c => c.text)
    .join('\n');
}

describe('reliability actions over MCP', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let backend: Backend;
  let owner: Client;
  let stranger: Client;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        reliabilityPlugin,
        actionsTestProvidersModule,
        mcpActionsPlugin,
        catalogFactory(catalogHidingFromUsers(actionEntities(), 'secret-api')),
        ownerOnlyPermissionsFactory(),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { backend: { actions: { pluginSources: ['reliability'] } } },
        }),
      ],
    });
    owner = await connect(backend, OWNER_REF);
    stranger = await connect(backend, STRANGER_REF);
  }, 60_000);

  afterAll(async () => {
    await owner?.close();
    await stranger?.close();
    await backend?.stop();
  });

  it('lists every reliability action as a tool with a description and an input schema', async () => {
    const { tools } = await owner.listTools();
    const ours = tools.filter(t => t.name.startsWith('reliability.'));
    expect(ours.map(t => t.name).sort()).toEqual(TOOLS);
    for (const tool of ours) {
      expect(tool.description!.length).toBeGreaterThan(200);
      expect(tool.inputSchema.type).toBe('object');
    }
    const submit = ours.find(t => t.name === 'reliability.submit-sli-events');
    expect(submit?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    const read = ours.find(t => t.name === 'reliability.who-is-on-call');
    expect(read?.annotations?.readOnlyHint).toBe(true);
  });

  it('get-service-reliability: SLOs with budget and alerts, on-call, runbooks and maturity', async () => {
    const output = await call(owner, 'reliability.get-service-reliability', {
      entityRef: 'checkout-api',
    });
    expect(output.entityRef).toBe('component:default/checkout-api');
    expect(output.tier).toBe('tier-1');
    expect(output.slos).toHaveLength(1);
    const [slo] = output.slos;
    expect(slo).toMatchObject({
      name: 'checkout-api-availability',
      target: 0.99,
      window: '28d',
    });
    // 98% good against a 99% target: the budget is overspent.
    expect(slo.attainment).toBeCloseTo(0.98, 5);
    expect(slo.budgetRemaining).toBeCloseTo(-1, 5);
    expect(slo.budget).toMatch(/^exhausted/);
    expect(output.onCall.status).toBe('ok');
    expect(output.onCall.now[0].person.name).toBe(
      'Primary of component:default/checkout-api',
    );
    expect(output.onCall.next[0].person.name).toBe('Next Person');
    expect(output.runbooks.map((r: any) => r.title).sort()).toEqual([
      'Checkout error spike',
      'Checkout latency high: scale the pods',
    ]);
    expect(output.runbookCoverage).toEqual({
      ratio: 1,
      alertsWithoutRunbook: [],
    });
    expect(output.maturity.level).toEqual(expect.any(String));
    expect(output.maturity.fixNext.length).toBeGreaterThan(0);
    expect(output.problems).toEqual([]);
  });

  it('get-service-reliability: says when SLO collection is behind', async () => {
    const checkout = { entity_ref: 'component:default/checkout-api' };
    await call(owner, 'reliability.get-service-reliability', {
      entityRef: 'checkout-api',
    });
    const [row] = await knex('slo_latest').where(checkout).select('status');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    // The stored state as a collection an hour ago left it (SLO collection every 5 minutes by default).
    await knex('slo_latest')
      .where(checkout)
      .update({
        status: JSON.stringify({
          ...JSON.parse(row.status),
          checkedAt: hourAgo,
        }),
      });
    try {
      const output = await call(owner, 'reliability.get-service-reliability', {
        entityRef: 'checkout-api',
      });
      expect(output.problems).toEqual([
        `SLO collection is behind: the SLO figures were last checked at ${hourAgo} and may be out of date`,
      ]);
    } finally {
      await knex('slo_latest').where(checkout).update({ status: row.status });
    }
  });

  it('check-deploy-gate: the gate answer with its reasons, not recorded among the answers', async () => {
    const output = await call(stranger, 'reliability.check-deploy-gate', {
      entityRef: 'checkout-api',
    });
    // 98% good against a 99% target: the built-in policy freezes an exhausted budget.
    expect(output).toMatchObject({
      entityRef: 'component:default/checkout-api',
      decision: 'deny',
      policyDecision: 'deny',
      overridden: false,
      override: null,
      policyName: 'default',
      state: 'frozen',
      sloDataOverdue: null,
    });
    expect(output.reasons).toEqual([
      {
        sloName: 'checkout-api-availability',
        displayName: 'checkout-api availability',
        policyName: null,
        state: 'frozen',
        decision: 'deny',
        consequence: 'Freeze feature releases; reliability work only.',
        since: output.since,
        keptUntil: null,
      },
    ]);
    expect(output.message).toMatch(
      /^deny: policy default: checkout-api-availability is frozen since /,
    );
    const [{ n }] = await knex('deploy_gate_answers').count({ n: '*' });
    expect(Number(n)).toBe(0);
    const [{ states }] = await knex('policy_states')
      .where({ entity_ref: 'component:default/checkout-api' })
      .count({ states: '*' });
    expect(Number(states)).toBe(2);

    // The evaluation is recorded: get-service-reliability says the service's policy state.
    const reliability = await call(
      stranger,
      'reliability.get-service-reliability',
      { entityRef: 'checkout-api' },
    );
    expect(reliability.policy).toEqual({
      name: 'default',
      state: 'frozen',
      decision: 'deny',
      since: output.since,
      consequence: 'Freeze feature releases; reliability work only.',
      keptUntil: null,
    });

    const hidden = await owner.callTool({
      name: 'reliability.check-deploy-gate',
      arguments: { entityRef: 'secret-api' },
    });
    expect(hidden.isError).toBe(true);
    expect(errorText(hidden)).toMatch(/NotFoundError/);
  });

  it('does not reveal an entity the catalog hides from the caller', async () => {
    const result = await owner.callTool({
      name: 'reliability.get-service-reliability',
      arguments: { entityRef: 'component:default/secret-api' },
    });
    expect(result.isError).toBe(true);
    expect(errorText(result)).toMatch(/NotFoundError/);
    expect(errorText(result)).not.toMatch(/tier-1|secret-api title/);
  });

  it('who-is-on-call: a service, and every service of a team', async () => {
    const service = await call(owner, 'reliability.who-is-on-call', {
      entityRef: 'component:default/search-api',
    });
    expect(service.kind).toBe('service');
    expect(service.onCall[0].now[0].person.name).toBe(
      'Primary of component:default/search-api',
    );

    const team = await call(owner, 'reliability.who-is-on-call', {
      entityRef: TEAM_REF,
    });
    expect(team.kind).toBe('team');
    expect(team.onCall.map((e: any) => e.entityRef).sort()).toEqual([
      'component:default/checkout-api',
      'component:default/search-api',
    ]);
    expect(team.onCall[0].now[0].escalationLevel).toBe(1);
  });

  it('find-runbooks: by alert name and by symptom', async () => {
    const byAlert = await call(owner, 'reliability.find-runbooks', {
      entityRef: 'checkout-api',
      alert: 'checkout-api-fast-burn',
    });
    expect(byAlert.runbooks[0]).toMatchObject({
      title: 'Checkout error spike',
      url: ERROR_SPIKE_RUNBOOK_URL,
      matchedBy: 'alert',
    });
    expect(byAlert.alertLinks).toEqual([
      expect.objectContaining({
        alert: 'checkout-api-fast-burn',
        runbook: expect.objectContaining({ url: ERROR_SPIKE_RUNBOOK_URL }),
      }),
    ]);

    const bySymptom = await call(owner, 'reliability.find-runbooks', {
      entityRef: 'checkout-api',
      symptom: 'checkout is slow and latency is high',
    });
    expect(bySymptom.runbooks[0]).toMatchObject({
      title: 'Checkout latency high: scale the pods',
      matchedBy: 'text',
    });
    expect(bySymptom.runbooks[0].matchedTerms.sort()).toEqual([
      'checkout',
      'high',
      'latency',
    ]);
  });

  it('list-services-at-risk: only the burning service, with the overview filters', async () => {
    // The summaries the overview reads exist once each service's SLOs were computed.
    await call(owner, 'reliability.get-service-reliability', {
      entityRef: 'search-api',
    });
    const output = await call(owner, 'reliability.list-services-at-risk', {
      team: TEAM_REF,
    });
    expect(output.services).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        state: 'breaching',
        onCall: expect.objectContaining({
          name: 'Primary of component:default/checkout-api',
        }),
      }),
    ]);
    expect(output.examined).toBe(2);
    expect(output.truncated).toBe(false);

    const otherTier = await call(owner, 'reliability.list-services-at-risk', {
      tier: 'tier-3',
    });
    expect(otherTier.services).toEqual([]);
  });

  it('explain-system: the reading path of a system', async () => {
    const output = await call(owner, 'reliability.explain-system', {
      entityRef: 'checkout',
    });
    expect(output).toMatchObject({
      entityRef: 'system:default/checkout',
      kind: 'system',
      title: 'Checkout',
      description: 'Takes the money.',
      memberCount: 2,
    });
    expect(output.readingPath.map((s: any) => s.entityRef).sort()).toEqual([
      'component:default/checkout-api',
      'component:default/search-api',
    ]);
    const checkout = output.readingPath.find(
      (s: any) => s.entityRef === 'component:default/checkout-api',
    );
    expect(checkout.state).toBe('breaching');
    expect(checkout.slos[0].meaning).toMatch(/99%/);
  });

  it('check-data-freshness: every registered task, and a failing one named without its message', async () => {
    const now = new Date();
    await knex('background_task_runs')
      .where({ task_id: 'reliability-slo-refresh' })
      .update({
        last_started_at: now,
        last_ended_at: now,
        last_outcome: 'failed',
        last_error: 'connect ECONNREFUSED prometheus.internal:9090',
      });
    const output = await call(stranger, 'reliability.check-data-freshness', {});
    expect(output.current).toBe(false);
    expect(output.needsAttention).toEqual(['SLO collection (failing)']);
    const slo = output.tasks.find(
      (t: any) => t.id === 'reliability-slo-refresh',
    );
    expect(slo).toMatchObject({
      name: 'SLO collection',
      state: 'failing',
      cadence: 'PT5M',
      lastRunStartedAt: now.toISOString(),
      // A global task: one copy across replicas.
      replicas: null,
    });
    expect(output.tasks.length).toBeGreaterThan(10);
    expect(JSON.stringify(output)).not.toContain('prometheus.internal');
  });

  it('submit-sli-events: an owner writes, a non-owner is denied and writes nothing', async () => {
    const end = new Date(Date.now() - 60_000);
    const start = new Date(end.getTime() - 60_000);
    const args = {
      entityRef: 'checkout-api',
      sli: 'checkout-api-requests',
      events: [
        {
          start: start.toISOString(),
          end: end.toISOString(),
          good: 99,
          total: 100,
        },
      ],
    };

    const denied = await stranger.callTool({
      name: 'reliability.submit-sli-events',
      arguments: args,
    });
    expect(denied.isError).toBe(true);
    expect(errorText(denied)).toMatch(
      /NotAllowedError: Not allowed to write SLI events for component:default\/checkout-api/,
    );
    expect(await knex('slo_sli_events').count({ n: '*' })).toEqual([{ n: 0 }]);

    const written = await call(owner, 'reliability.submit-sli-events', args);
    expect(written).toEqual({
      entityRef: 'component:default/checkout-api',
      sli: 'checkout-api-requests',
      written: 1,
    });
    expect(await knex('slo_sli_events').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('submit-sli-events: the SLO area validation applies (an interval in the future)', async () => {
    const start = new Date(Date.now() + 3_600_000);
    const result = await owner.callTool({
      name: 'reliability.submit-sli-events',
      arguments: {
        entityRef: 'checkout-api',
        sli: 'checkout-api-requests',
        events: [
          {
            start: start.toISOString(),
            end: new Date(start.getTime() + 60_000).toISOString(),
            good: 1,
            total: 1,
          },
        ],
      },
    });
    expect(result.isError).toBe(true);
    expect(errorText(result)).toMatch(/InputError: .*in the future/);
  });
});
