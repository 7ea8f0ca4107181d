import { createMockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createCatalogWriteAction,
  createFetchCatalogEntityAction,
} from '@backstage/plugin-scaffolder-backend';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseRunbookFile, parseSloFile } from './__testUtils__/producedFiles';
import { dryRunTemplate } from './__testUtils__/templateDryRun';
import { createAnnotateAction } from './actions/annotateAction';
import { createDeployGateWorkflowAction } from './actions/deployGateWorkflowAction';
import { createRunbookAction } from './actions/createRunbookAction';
import { createSloAction } from './actions/createSloAction';

const TEMPLATES = path.resolve(__dirname, '../../../examples/templates');

const CHECKOUT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    title: 'Checkout API',
    annotations: { 'backstage.io/managed-by-location': 'file:/x.yaml' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/checkout-payments',
  },
};

describe('the reliability templates (dry run)', () => {
  const workspace = createMockDirectory();
  const actions = [
    createFetchCatalogEntityAction({
      catalog: catalogServiceMock({ entities: [CHECKOUT] }),
    }),
    createCatalogWriteAction(),
    createSloAction(),
    createRunbookAction({ now: () => new Date('2026-11-30T10:00:00Z') }),
    createAnnotateAction(),
    createDeployGateWorkflowAction({
      backendBaseUrl: 'https://backstage.example.com',
    }),
  ];

  beforeEach(() => workspace.clear());

  const read = (file: string) =>
    fs.readFile(path.join(workspace.path, file), 'utf8');

  it('"Adopt SLOs for a service" writes SLOs, their runbook and the annotations, without a repository', async () => {
    const { steps, output } = await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'adopt-slos/template.yaml'),
      parameters: {
        component: 'component:default/checkout-api',
        tier: 'tier-1',
      },
      actions,
      workspacePath: workspace.path,
    });
    expect(steps.map(s => [s.id, s.skipped])).toEqual([
      ['entity', false],
      ['fetch', true],
      ['catalog-info', false],
      ['slo', false],
      ['runbook', false],
      ['annotate', false],
      ['publish', true],
    ]);

    const slos = parseSloFile(await read('slos/checkout-api.yaml'));
    expect(
      slos.map(s => [
        s.name,
        s.objectives[0].target,
        s.window.label,
        s.runbook,
      ]),
    ).toEqual([
      ['checkout-api-availability', 0.999, '28d', 'checkout-api-slo-alerts'],
      ['checkout-api-latency', 0.99, '28d', 'checkout-api-slo-alerts'],
    ]);
    expect(slos.every(s => s.alertPolicies.length === 3)).toBe(true);

    const runbook = parseRunbookFile(
      await read('runbooks/checkout-api-slo-alerts.md'),
    );
    expect(runbook.frontMatter).toEqual({
      id: 'checkout-api-slo-alerts',
      title: 'checkout-api SLO alerts',
      kind: 'runbook',
      answers: ['checkout-api-availability', 'checkout-api-latency'],
      owner: 'group:default/checkout-payments',
      lastReviewed: '2026-11-30',
    });

    const catalogInfo = parse(await read('catalog-info.yaml'));
    expect(catalogInfo).toMatchObject({
      kind: 'Component',
      metadata: { name: 'checkout-api', title: 'Checkout API' },
      spec: { owner: 'group:default/checkout-payments' },
    });
    expect(catalogInfo.metadata.annotations).toMatchObject({
      [ANNOTATIONS.sloDefinitions]: './slos/checkout-api.yaml',
      [ANNOTATIONS.runbooks]: './runbooks/',
      [ANNOTATIONS.tier]: 'tier-1',
    });
    expect(JSON.stringify(output)).toContain(
      'SLOs checkout-api-availability, checkout-api-latency',
    );
  });

  it('"Adopt SLOs for a service" with Prometheus SLIs and one SLO', async () => {
    await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'adopt-slos/template.yaml'),
      parameters: {
        component: 'component:default/checkout-api',
        source: 'prometheus',
        slos: [
          {
            preset: 'latency',
            target: 0.995,
            window: '7d',
            latencyThresholdMs: 300,
          },
        ],
      },
      actions,
      workspacePath: workspace.path,
    });
    const [slo] = parseSloFile(await read('slos/checkout-api.yaml'));
    expect(slo.indicator.ratio?.good?.spec).toEqual({
      query:
        'http_request_duration_seconds_bucket{service="checkout-api",le="0.3"}',
    });
    expect(slo.window.label).toBe('7d');
  });

  it('"Write a postmortem" fills in the front matter and the incident', async () => {
    const { steps } = await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'postmortem/template.yaml'),
      parameters: {
        component: 'component:default/checkout-api',
        title: 'Postmortem: checkout errors',
        incidentDate: '2026-11-28',
        severity: 'SEV-2',
        summary: 'Payments timed out for 40 minutes.',
        answers: ['checkout-api-availability'],
      },
      actions,
      workspacePath: workspace.path,
    });
    expect(steps.filter(s => !s.skipped).map(s => s.id)).toEqual([
      'entity',
      'postmortem',
    ]);
    const { frontMatter, body } = parseRunbookFile(
      await read('docs/postmortems/2026-11-28-checkout-api.md'),
    );
    expect(frontMatter).toEqual({
      id: 'postmortem-checkout-errors',
      title: 'Postmortem: checkout errors',
      kind: 'postmortem',
      answers: ['checkout-api-availability'],
      owner: 'group:default/checkout-payments',
      lastReviewed: '2026-11-30',
    });
    expect(body).toContain('- Severity: SEV-2');
  });

  it('"Write a pre-mortem" fills in the front matter and the event', async () => {
    await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'premortem/template.yaml'),
      parameters: {
        component: 'component:default/checkout-api',
        event: 'Black Friday',
        eventDate: '2026-11-27',
      },
      actions,
      workspacePath: workspace.path,
    });
    const { frontMatter, body } = parseRunbookFile(
      await read('runbooks/pre-mortem-black-friday.md'),
    );
    expect(frontMatter).toMatchObject({
      id: 'pre-mortem-black-friday',
      kind: 'premortem',
      answers: [],
    });
    expect(body).toContain('It is the day after Black Friday (2026-11-27).');
  });

  it('"Ask the deploy gate before deploying" writes the workflow and says how to call it, without a repository', async () => {
    const { steps, output } = await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'deploy-gate/template.yaml'),
      parameters: { component: 'component:default/checkout-api' },
      actions,
      workspacePath: workspace.path,
    });
    expect(steps.map(s => [s.id, s.skipped])).toEqual([
      ['fetch', true],
      ['gate', false],
      ['publish', true],
    ]);
    const workflow = parse(
      await read('.github/workflows/reliability-deploy-gate.yml'),
    );
    expect(workflow.jobs.ask.steps[0].env).toMatchObject({
      GATE_URL:
        'https://backstage.example.com/api/reliability/entities/component/default/checkout-api/deploy-gate',
      FAIL_OPEN: 'false',
    });
    expect(JSON.stringify(output)).toContain(
      'uses: ./.github/workflows/reliability-deploy-gate.yml',
    );
  });

  it('"Ask the deploy gate before deploying" takes another backend URL and fails open when asked to', async () => {
    await dryRunTemplate({
      templateFile: path.join(TEMPLATES, 'deploy-gate/template.yaml'),
      parameters: {
        component: 'component:default/checkout-api',
        backstageUrl: 'https://portal.acme.example/',
        failOpen: true,
      },
      actions,
      workspacePath: workspace.path,
    });
    const { env } = parse(
      await read('.github/workflows/reliability-deploy-gate.yml'),
    ).jobs.ask.steps[0];
    expect(env.GATE_URL).toMatch(/^https:\/\/portal\.acme\.example\/api\//);
    expect(env.FAIL_OPEN).toBe('true');
  });

  it.each(['adopt-slos', 'postmortem', 'premortem', 'deploy-gate'])(
    '%s is a valid Template entity',
    async name => {
      const entity = parse(
        await fs.readFile(path.join(TEMPLATES, name, 'template.yaml'), 'utf8'),
      );
      await expect(templateEntityV1beta3Validator.check(entity)).resolves.toBe(
        true,
      );
    },
  );

  it('refuses parameters the form would refuse', async () => {
    await expect(
      dryRunTemplate({
        templateFile: path.join(TEMPLATES, 'adopt-slos/template.yaml'),
        parameters: {
          component: 'component:default/checkout-api',
          slos: [{ preset: 'availability', target: 0.42, window: '28d' }],
        },
        actions,
        workspacePath: workspace.path,
      }),
    ).rejects.toThrow(/Invalid parameters for page 'SLOs'/);
  });
});
