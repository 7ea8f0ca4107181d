import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  evaluateSloPolicy,
  resolvePolicy,
  SloAlertState,
} from '@internal/backstage-plugin-reliability-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { readPolicyConfig } from './config';
import { DEMO_PIPELINE_SERVICES } from './demo/DemoDeployPipeline';

/**
 * The demo's policies (app-config.yaml) on the demo catalog's services, with the budgets the demo SLI seeder's
 * profiles produce (src/slo/demo/demoTraffic.ts, 30-day windows): `burning` has about 11 % left with a ticket
 * alert when the demo starts and is overspent two days later; `paging` about 42 % left with a page alert.
 */
const repoRoot = path.resolve(__dirname, '../../../..');

function demoEntities(): Map<string, Entity> {
  const dir = path.join(repoRoot, 'examples/catalog/systems');
  const entities = new Map<string, Entity>();
  for (const file of fs.readdirSync(dir)) {
    for (const doc of parseAllDocuments(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    )) {
      const entity = doc.toJS() as Entity;
      if (entity?.kind === 'Component')
        entities.set(entity.metadata.name, entity);
    }
  }
  return entities;
}

describe('demo error-budget policies', () => {
  const config = readPolicyConfig(
    new ConfigReader(
      parseYaml(
        fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
      ),
    ),
    mockServices.logger.mock(),
  );
  const entities = demoEntities();

  function stateOf(
    name: string,
    budgetRemaining: number,
    alertState: SloAlertState,
  ) {
    const entity = entities.get(name);
    expect(entity).toBeDefined();
    const { policy } = resolvePolicy(entity!, config.policySet);
    return `${policy.name}: ${
      evaluateSloPolicy(policy, { budgetRemaining, alertState }).state
    }`;
  }

  it('shows one service frozen, one in review and one halted when the demo starts', () => {
    expect(stateOf('checkout-api', 0.11, 'ticket')).toBe('strict: frozen');
    expect(stateOf('search-service', 0.11, 'ticket')).toBe('lenient: review');
    expect(stateOf('payments', 0.42, 'page')).toBe('strict: halted');
    expect(stateOf('carrier-integration', 0.11, 'ticket')).toBe(
      'default: review',
    );
    expect(stateOf('order-api', 0.7, 'ok')).toBe('strict: ok');
  });

  it('keeps them frozen and in review once their budgets are overspent', () => {
    expect(stateOf('checkout-api', -0.02, 'ticket')).toBe('strict: frozen');
    expect(stateOf('search-service', -0.02, 'ticket')).toBe('lenient: review');
    expect(stateOf('carrier-integration', -0.02, 'ticket')).toBe(
      'default: frozen',
    );
  });

  it('has simulated deploy pipelines only for services of the demo catalog', () => {
    expect(DEMO_PIPELINE_SERVICES.filter(name => !entities.has(name))).toEqual(
      [],
    );
    // The override's author is the tech lead of payments' team.
    expect(
      fs.readFileSync(path.join(repoRoot, 'examples/catalog/org.yaml'), 'utf8'),
    ).toMatch(
      /name: jonas\.berg\n(.*\n){1,6}\s+memberOf: \[checkout-payments\]/,
    );
    expect(entities.get('payments')?.spec?.owner).toBe('checkout-payments');
  });
});
