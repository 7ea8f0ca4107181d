import { actionRunner } from '../__testUtils__/actionRunner';
import { RUNBOOK_KINDS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs/promises';
import { parseRunbookFile } from '../__testUtils__/producedFiles';
import { createRunbookAction } from './createRunbookAction';

describe('reliability:runbook:create', () => {
  const { workspace, run } = actionRunner(
    createRunbookAction({
      now: () => new Date('2026-11-30T10:00:00Z'),
    }),
  );

  it.each(RUNBOOK_KINDS)(
    'writes a %s skeleton with the front matter of the runbooks area',
    async kind => {
      const ctx = await run({
        kind,
        title: `Checkout ${kind}: peak season`,
        service: 'checkout-api',
        answers: ['checkout-api-availability'],
        owner: 'group:default/checkout-payments',
      });
      const id = `checkout-${kind}-peak-season`;
      expect(ctx.output).toHaveBeenCalledWith('id', id);
      expect(ctx.output).toHaveBeenCalledWith('path', `runbooks/${id}.md`);
      const { frontMatter, body } = parseRunbookFile(
        await fs.readFile(workspace.resolve(`runbooks/${id}.md`), 'utf8'),
      );
      expect(frontMatter).toEqual({
        id,
        title: `Checkout ${kind}: peak season`,
        kind,
        answers: ['checkout-api-availability'],
        owner: 'group:default/checkout-payments',
        lastReviewed: '2026-11-30',
      });
      expect(body).toMatch(
        new RegExp(`^\\n# Checkout ${kind}: peak season\\n`),
      );
    },
  );

  it('fills the postmortem and pre-mortem details into the body', async () => {
    await run({
      kind: 'postmortem',
      title: 'Postmortem: checkout errors',
      path: 'docs/postmortems/2026-11-28.md',
      incidentDate: '2026-11-28',
      severity: 'SEV-2',
      summary: 'Payments timed out for 40 minutes.',
    });
    const postmortem = parseRunbookFile(
      await fs.readFile(
        workspace.resolve('docs/postmortems/2026-11-28.md'),
        'utf8',
      ),
    );
    expect(postmortem.frontMatter.answers).toEqual([]);
    expect(postmortem.body).toContain('- Date: 2026-11-28');
    expect(postmortem.body).toContain('- Severity: SEV-2');
    expect(postmortem.body).toContain('Payments timed out for 40 minutes.');
    expect(postmortem.body).toContain('## Action items');

    await run({
      kind: 'premortem',
      title: 'Pre-mortem: Black Friday',
      event: 'Black Friday',
      eventDate: '28 November',
      service: 'checkout-api',
    });
    const premortem = parseRunbookFile(
      await fs.readFile(
        workspace.resolve('runbooks/pre-mortem-black-friday.md'),
        'utf8',
      ),
    );
    expect(premortem.body).toContain(
      '"It is the day after Black Friday (28 November). `checkout-api` failed badly.',
    );
  });

  it('refuses an invalid id or review date', async () => {
    await expect(run({ title: 'x', id: 'Not An Id' })).rejects.toThrow(
      "Invalid runbook id 'Not An Id'",
    );
    await expect(
      run({ title: 'x', lastReviewed: '30.11.2026' }),
    ).rejects.toThrow("Invalid lastReviewed '30.11.2026'");
  });
});
