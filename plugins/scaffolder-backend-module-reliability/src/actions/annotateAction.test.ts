import { actionRunner } from '../__testUtils__/actionRunner';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { createAnnotateAction } from './annotateAction';

const CATALOG_INFO = `# Owned by checkout-payments
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-api # do not rename
  annotations:
    ${ANNOTATIONS.runbooks}: ./docs/old-runbook.md
  links:
    - url: https://wiki.example.com/rollback
      title: Rollback
      type: runbook
spec:
  type: service
  owner: checkout-payments
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout-http
spec:
  type: openapi
`;

describe('reliability:annotate', () => {
  const { workspace, run } = actionRunner(createAnnotateAction());

  it("adds the suite's annotations and runbook links, keeping the rest of the file", async () => {
    workspace.setContent({ 'service/catalog-info.yaml': CATALOG_INFO });
    const ctx = await run({
      path: 'service/catalog-info.yaml',
      sloDefinitions: 'service/slos/checkout-api.yaml',
      runbooks: ['service/runbooks/', 'service/docs/old-runbook.md'],
      tier: 'tier-1',
      onCallSchedule: 'checkout-primary',
      runbookLinks: [
        { url: 'https://wiki.example.com/rollback', title: 'Rollback again' },
        { url: 'https://wiki.example.com/errors', title: 'Error spike' },
      ],
    });
    const text = await fs.readFile(
      workspace.resolve('service/catalog-info.yaml'),
      'utf8',
    );
    expect(text).toContain('# Owned by checkout-payments');
    expect(text).toContain('name: checkout-api # do not rename');
    const [component, api] = parseAllDocuments(text).map(d => d.toJS());
    expect(component.metadata.annotations).toEqual({
      [ANNOTATIONS.sloDefinitions]: './slos/checkout-api.yaml',
      [ANNOTATIONS.runbooks]: './docs/old-runbook.md,./runbooks/',
      [ANNOTATIONS.tier]: 'tier-1',
      [ANNOTATIONS.onCallSchedule]: 'checkout-primary',
    });
    expect(component.metadata.links).toEqual([
      {
        url: 'https://wiki.example.com/rollback',
        title: 'Rollback',
        type: 'runbook',
      },
      {
        url: 'https://wiki.example.com/errors',
        title: 'Error spike',
        type: 'runbook',
      },
    ]);
    expect(api).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'checkout-http' },
      spec: { type: 'openapi' },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/checkout-api',
    );
    expect(ctx.output).toHaveBeenCalledWith('annotations', [
      ANNOTATIONS.sloDefinitions,
      ANNOTATIONS.onCallSchedule,
      ANNOTATIONS.tier,
      ANNOTATIONS.runbooks,
    ]);
  });

  it('asks which entity to annotate when the file has several components', async () => {
    workspace.setContent({
      'catalog-info.yaml': `${CATALOG_INFO}---\nkind: Component\nmetadata:\n  name: other\n`,
    });
    await expect(run({ tier: 'tier-2' })).rejects.toThrow(
      'catalog-info has 2 Component entities; name the one to annotate (entityName)',
    );
    await run({ tier: 'tier-2', entityName: 'other' });
    const docs = parseAllDocuments(
      await fs.readFile(workspace.resolve('catalog-info.yaml'), 'utf8'),
    ).map(d => d.toJS());
    expect(docs[2].metadata.annotations).toEqual({
      [ANNOTATIONS.tier]: 'tier-2',
    });
    expect(docs[0].metadata.annotations[ANNOTATIONS.tier]).toBeUndefined();
  });
});
