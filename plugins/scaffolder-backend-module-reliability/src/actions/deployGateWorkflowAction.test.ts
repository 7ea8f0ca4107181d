import { actionRunner } from '../__testUtils__/actionRunner';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { createDeployGateWorkflowAction } from './deployGateWorkflowAction';

describe('reliability:deploy-gate:workflow', () => {
  const { workspace, run } = actionRunner(
    createDeployGateWorkflowAction({
      backendBaseUrl: 'http://localhost:7007',
    }),
  );

  it("writes the workflow asking the backend's own gate by default, and says how to call it", async () => {
    const ctx = await run({ entityRef: 'component:default/payments' });
    const path = '.github/workflows/reliability-deploy-gate.yml';
    expect(ctx.output).toHaveBeenCalledWith('path', path);
    expect(ctx.output).toHaveBeenCalledWith(
      'gateUrl',
      'http://localhost:7007/api/reliability/entities/component/default/payments/deploy-gate',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'usage',
      expect.stringContaining(`uses: ./${path}`),
    );
    const text = await fs.readFile(workspace.resolve(path), 'utf8');
    expect(ctx.output).toHaveBeenCalledWith('workflow', text);
    const workflow = parse(text);
    expect(workflow.jobs.ask.steps[0].name).toBe(
      'Deploy gate for component:default/payments',
    );
  });

  it('refuses a bad entity ref or URL, and a file that exists unless told to overwrite', async () => {
    await expect(run({ entityRef: 'payments' })).rejects.toThrow(
      "Invalid entityRef 'payments'",
    );
    await expect(
      run({
        entityRef: 'component:default/payments',
        backstageUrl: 'ftp://x',
      }),
    ).rejects.toThrow("Invalid backstageUrl 'ftp://x'");
    await run({ entityRef: 'component:default/payments', path: 'gate.yml' });
    await expect(
      run({ entityRef: 'component:default/payments', path: 'gate.yml' }),
    ).rejects.toThrow('gate.yml already exists in the workspace');
    await run({
      entityRef: 'component:default/cart',
      path: 'gate.yml',
      overwrite: true,
    });
    expect(await fs.readFile(workspace.resolve('gate.yml'), 'utf8')).toContain(
      'component:default/cart',
    );
  });
});
