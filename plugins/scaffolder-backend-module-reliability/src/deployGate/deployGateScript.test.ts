import { createMockDirectory } from '@backstage/backend-test-utils';
import path from 'node:path';
import {
  installStubCurl,
  runBash,
  StubCurlAnswer,
  stubCurlArgs,
} from './__testUtils__/stubCurl';

/** The repository's CI helper (scripts/ at the root is not a workspace with tests of its own). */
const SCRIPT = path.resolve(__dirname, '../../../../scripts/deploy-gate.sh');

const GATE_URL =
  'https://backstage.example.com/api/reliability/entities/component/default/checkout-api/deploy-gate';

const ANSWER = {
  entityRef: 'component:default/checkout-api',
  decision: 'deny',
  policyDecision: 'deny',
  overridden: false,
  override: null,
  policyName: 'strict',
  state: 'frozen',
  since: '2026-11-20T08:05:00.000Z',
  reasons: [
    {
      sloName: 'checkout-api-availability',
      displayName: 'Checkout availability',
      state: 'frozen',
      decision: 'deny',
      ruleIndex: 1,
      consequence: 'Freeze feature releases; reliability work only.',
      since: '2026-11-20T08:05:00.000Z',
    },
  ],
  message:
    'deny: policy strict: checkout-api-availability is frozen since 2026-11-20T08:05:00.000Z',
  evaluatedAt: '2026-11-22T12:00:00.000Z',
};
const REASON_LINE =
  '  - checkout-api-availability: frozen since 2026-11-20T08:05:00.000Z (deny): Freeze feature releases; reliability work only.';

describe('scripts/deploy-gate.sh (bash, a stub curl, the real jq)', () => {
  const dir = createMockDirectory();

  /** Runs the script with `args` and a curl that answers `answer`; `env` adds to (or, undefined, removes from) the defaults. */
  async function gate(options: {
    answer: StubCurlAnswer;
    args?: string[];
    env?: Record<string, string | undefined>;
  }) {
    const bin = await installStubCurl(dir, options.answer);
    const env: Record<string, string | undefined> = {
      PATH: `${bin}:${process.env.PATH}`,
      BACKSTAGE_URL: 'https://backstage.example.com',
      BACKSTAGE_TOKEN: 'secret-token',
      DEPLOY_GATE_CONTEXT: 'https://ci.example.com/runs/42 (abc123)',
      ...options.env,
    };
    const result = await runBash(
      [SCRIPT, ...(options.args ?? ['component:default/checkout-api'])],
      Object.fromEntries(
        Object.entries(env).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ),
    );
    const curlArgs = (await stubCurlArgs(dir)).split('\n');
    /** The argument that follows `flag` in curl's call. */
    const argAfter = (flag: string) => {
      const index = curlArgs.indexOf(flag);
      return index < 0 ? undefined : curlArgs[index + 1];
    };
    return { ...result, curlArgs, argAfter };
  }

  const answered = (fields: Partial<typeof ANSWER>, status = 200) => ({
    body: JSON.stringify({ ...ANSWER, ...fields }),
    status,
  });
  const IN_ACTIONS = { GITHUB_ACTIONS: 'true' };

  it('passes on allow, printing the message and the reasons, without an annotation', async () => {
    const result = await gate({
      answer: answered({ decision: 'allow', message: 'allow: policy strict' }),
      env: IN_ACTIONS,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `deploy gate for component:default/checkout-api: allow: policy strict\n${REASON_LINE}\n`,
    );
  });

  it('passes on an overridden allow with a warning annotation in GitHub Actions', async () => {
    const answer = answered({
      decision: 'allow',
      overridden: true,
      message: 'allow (override by jane until 14:00): policy strict',
    });
    const inActions = await gate({ answer, env: IN_ACTIONS });
    expect(inActions.code).toBe(0);
    expect(inActions.stdout).toContain(
      '::warning title=Deploy gate::allow (override by jane until 14:00): policy strict\n',
    );
    const elsewhere = await gate({ answer });
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).not.toContain('::');
  });

  it('passes on warn with a warning annotation', async () => {
    const result = await gate({
      answer: answered({ decision: 'warn', message: 'warn: burning' }),
      env: IN_ACTIONS,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('checkout-api: warn: burning\n');
    expect(result.stdout).toContain(
      '::warning title=Deploy gate::warn: burning\n',
    );
  });

  it('fails on deny with exit 1 and an error annotation', async () => {
    const result = await gate({ answer: answered({}), env: IN_ACTIONS });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(REASON_LINE);
    expect(result.stdout).toContain(
      `::error title=Deploy gate::${ANSWER.message}\n`,
    );
  });

  it('keeps the decision of an answer whose reasons cannot be listed', async () => {
    const noReasons = await gate({
      answer: {
        body: JSON.stringify({ decision: 'allow', message: 'allow: no SLOs' }),
      },
    });
    expect(noReasons.code).toBe(0);
    expect(noReasons.stdout).toBe(
      'deploy gate for component:default/checkout-api: allow: no SLOs\n',
    );
    const oddReasons = await gate({
      answer: {
        body: JSON.stringify({
          decision: 'deny',
          message: 'deny',
          reasons: ['x'],
        }),
      },
      env: { DEPLOY_GATE_FAIL_OPEN: 'true' },
    });
    expect(oddReasons.code).toBe(1);
    expect(oddReasons.stdout).toContain('(reasons unreadable)');
  });

  it('asks with the token, the context and the URL of the ref (kind and namespace lower-cased)', async () => {
    const result = await gate({
      answer: answered({ decision: 'allow' }),
      args: ['Component:Default/checkout-api'],
      env: { BACKSTAGE_URL: 'https://backstage.example.com/' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'deploy gate for component:default/checkout-api:',
    );
    expect(result.argAfter('--header')).toBe(
      'Authorization: Bearer secret-token',
    );
    expect(result.argAfter('--data-urlencode')).toBe(
      'context=https://ci.example.com/runs/42 (abc123)',
    );
    expect(result.curlArgs).toContain('--get');
    expect(result.curlArgs).toContain(GATE_URL);

    const short = await gate({
      answer: answered({ decision: 'allow' }),
      args: ['component:Checkout-API'],
      env: { DEPLOY_GATE_CONTEXT: undefined },
    });
    expect(short.curlArgs).toContain(
      'https://backstage.example.com/api/reliability/entities/component/default/Checkout-API/deploy-gate',
    );
    expect(short.argAfter('--data-urlencode')).toBe('context=manual run');
  });

  it('exits 2 on an HTTP error, showing the error message of its body', async () => {
    const result = await gate({
      answer: {
        status: 403,
        body: JSON.stringify({
          error: { name: 'NotAllowedError', message: 'token not allowed' },
        }),
      },
      env: IN_ACTIONS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `deploy gate: HTTP 403 from ${GATE_URL}: token not allowed`,
    );
    expect(result.stdout).toContain(
      `::error title=Deploy gate::Could not ask the deploy gate: HTTP 403 from ${GATE_URL}: token not allowed`,
    );
    const html = await gate({ answer: { status: 502, body: '<html>' } });
    expect(html.code).toBe(2);
    expect(html.stderr).toContain(`deploy gate: HTTP 502 from ${GATE_URL}\n`);
  });

  it('exits 2 when curl fails, 0 with a warning when DEPLOY_GATE_FAIL_OPEN=true', async () => {
    const answer = { body: '', exitCode: 7 };
    const closed = await gate({ answer, env: IN_ACTIONS });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain(
      `deploy gate: request to ${GATE_URL} failed`,
    );
    expect(closed.stdout).toContain('::error title=Deploy gate::');
    const open = await gate({
      answer,
      env: { ...IN_ACTIONS, DEPLOY_GATE_FAIL_OPEN: 'true' },
    });
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      `::warning title=Deploy gate::Could not ask the deploy gate (request to ${GATE_URL} failed); continuing because DEPLOY_GATE_FAIL_OPEN=true`,
    );
    expect(open.stdout).not.toContain('::error');
  });

  it('exits 2 on a 200 answer that is not the gate’s, 0 with DEPLOY_GATE_FAIL_OPEN=true', async () => {
    const login = await gate({ answer: { body: '<html>login</html>' } });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain('deploy gate: unreadable answer');
    expect(login.stdout).toBe('');
    const other = await gate({ answer: { body: '{"status":"ok"}' } });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("deploy gate: unexpected decision 'null'");
    expect(other.stdout).toBe('');
    const empty = await gate({ answer: { body: '' } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("deploy gate: unexpected decision ''");
    const open = await gate({
      answer: { body: '{"status":"ok"}' },
      env: { DEPLOY_GATE_FAIL_OPEN: 'true' },
    });
    expect(open.code).toBe(0);
  });

  it('exits 2 with the usage line on a bad entity ref, before asking', async () => {
    for (const args of [[], ['checkout-api'], ['component:a/b/c'], ['a b:c']]) {
      const result = await gate({ answer: answered({}), args });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^usage: .*deploy-gate\.sh <kind>:<namespace>\/<name> {3}\(e\.g\. component:default\/checkout-api\)\n$/,
      );
      expect(result.curlArgs).toEqual(['']);
    }
  });

  it('exits 2 (not the 1 of a deny), saying what is missing, without BACKSTAGE_URL or BACKSTAGE_TOKEN', async () => {
    const noUrl = await gate({
      answer: answered({ decision: 'allow' }),
      env: { BACKSTAGE_URL: undefined },
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain(
      'BACKSTAGE_URL: set BACKSTAGE_URL to the Backstage backend URL',
    );
    expect(noUrl.curlArgs).toEqual(['']);
    const noToken = await gate({
      answer: answered({ decision: 'allow' }),
      env: { BACKSTAGE_TOKEN: '' },
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain(
      'BACKSTAGE_TOKEN: set BACKSTAGE_TOKEN to a static token of the backend',
    );
    expect(noToken.curlArgs).toEqual(['']);
  });
});
