import { createMockDirectory } from '@backstage/backend-test-utils';
import path from 'node:path';
import { parse } from 'yaml';
import {
  installStubCurl,
  runBash,
  stubCurlArgs,
} from './__testUtils__/stubCurl';
import {
  deployGateUrl,
  deployGateWorkflow,
  gateEntityOf,
} from './deployGateWorkflow';

const workflow = (failOpen = false) =>
  parse(
    deployGateWorkflow({
      entityRef: 'component:default/payments',
      entity: gateEntityOf('component:default/payments')!,
      backstageUrl: 'https://backstage.example.com/',
      failOpen,
      path: '.github/workflows/reliability-deploy-gate.yml',
    }),
  );

describe('gateEntityOf and deployGateUrl', () => {
  it('reads refs as the catalog does and builds the gate URL', () => {
    expect(gateEntityOf('Component:payments')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'payments',
    });
    expect(gateEntityOf('component:ops/payments-api')).toEqual({
      kind: 'component',
      namespace: 'ops',
      name: 'payments-api',
    });
    for (const bad of ['payments', 'component:', 'component:a/b/c', 'a b:c']) {
      expect(gateEntityOf(bad)).toBeUndefined();
    }
    expect(
      deployGateUrl('https://bs.example.com/', gateEntityOf('component:x')!),
    ).toBe(
      'https://bs.example.com/api/reliability/entities/component/default/x/deploy-gate',
    );
  });
});

describe('deployGateWorkflow', () => {
  it('is a reusable workflow with one step asking the gate, its token from the caller', () => {
    const doc = workflow();
    expect(doc.on.workflow_call.secrets.DEPLOY_GATE_TOKEN.required).toBe(true);
    const [step] = doc.jobs.ask.steps;
    expect(step.env).toMatchObject({
      BACKSTAGE_TOKEN: '${{ secrets.DEPLOY_GATE_TOKEN }}',
      GATE_URL:
        'https://backstage.example.com/api/reliability/entities/component/default/payments/deploy-gate',
      FAIL_OPEN: 'false',
    });
    expect(step.env.CONTEXT).toContain('${{ github.run_id }}');
    expect(step.shell).toBe('bash');
    expect(workflow(true).jobs.ask.steps[0].env.FAIL_OPEN).toBe('true');
  });

  describe("its step's script (bash, a stub curl, the real jq)", () => {
    const dir = createMockDirectory();

    /** Runs the workflow's step with a curl that prints `body` and exits with `curlExit`. */
    async function step(options: {
      body: string;
      curlExit?: number;
      failOpen?: boolean;
      /** PATH of the step (default: the stub curl first, then the machine's). */
      path?: string;
    }) {
      const bin = await installStubCurl(dir, {
        body: options.body,
        exitCode: options.curlExit,
      });
      const { env, run: script } = workflow(options.failOpen).jobs.ask.steps[0];
      const { code, stdout } = await runBash(['-c', script], {
        PATH: options.path ?? `${bin}:${process.env.PATH}`,
        BACKSTAGE_TOKEN: 'secret-token',
        GATE_URL: env.GATE_URL,
        CONTEXT: 'https://github.com/acme/payments/actions/runs/42 (abc123)',
        FAIL_OPEN: env.FAIL_OPEN,
      });
      return { code, stdout, curlArgs: await stubCurlArgs(dir) };
    }

    const answer = (decision: string, message: string) =>
      JSON.stringify({ decision, message });

    it('passes on allow and asks with the token and the run as context', async () => {
      const result = await step({
        body: answer('allow', 'allow: every SLO is within policy strict'),
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('allow: every SLO is within policy');
      expect(result.curlArgs).toContain('Authorization: Bearer secret-token');
      expect(result.curlArgs).toContain(
        'context=https://github.com/acme/payments/actions/runs/42 (abc123)',
      );
      expect(result.curlArgs).toContain(
        'https://backstage.example.com/api/reliability/entities/component/default/payments/deploy-gate',
      );
    });

    it('passes on warn with a warning annotation, fails on deny with an error one', async () => {
      const warn = await step({ body: answer('warn', 'warn: review') });
      expect(warn).toMatchObject({ code: 0 });
      expect(warn.stdout).toContain(
        '::warning title=Deploy gate::warn: review',
      );
      const deny = await step({ body: answer('deny', 'deny: halted') });
      expect(deny).toMatchObject({ code: 1 });
      expect(deny.stdout).toContain('::error title=Deploy gate::deny: halted');
    });

    it('fails closed when the gate cannot be asked or answers something else, open with FAIL_OPEN', async () => {
      const down = await step({ body: 'connection refused', curlExit: 7 });
      expect(down.code).toBe(2);
      expect(down.stdout).toContain(
        'Could not ask the deploy gate: connection refused',
      );
      expect((await step({ body: '<html>login</html>' })).code).toBe(2);
      const noJq = await step({
        body: JSON.stringify({ decision: 'allow', message: 'allow' }),
        path: path.join(dir.path, 'bin'),
      });
      expect(noJq.code).toBe(2);
      expect(noJq.stdout).toContain('jq is not installed on this runner');
      const open = await step({
        body: 'connection refused',
        curlExit: 7,
        failOpen: true,
      });
      expect(open.code).toBe(0);
      expect(open.stdout).toContain('FAIL_OPEN is true');
    });
  });
});
