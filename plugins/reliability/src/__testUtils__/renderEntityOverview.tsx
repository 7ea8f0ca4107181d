import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { reliabilityApiRef } from '../api';
import { reliabilityPlugin } from '../alpha/plugin';

/** The app and its lazy extensions take a few seconds to load on a busy machine. */
export const ALPHA_WAIT = { timeout: 15_000 };

// The test entity page takes the tabs too: leave them out to look at the cards alone.
const TAB_IDS = [
  'entity-content:reliability/reliability',
  'entity-content:reliability/slos',
  'entity-content:reliability/runbooks',
  'entity-content:reliability/maturity',
  'entity-content:reliability/group-oncall',
  'entity-content:reliability/group-reliability-review',
];

/**
 * Renders the new frontend system's test entity page for `entity` with the plugin's entity tabs off and only
 * the `enabled` extensions (cards) switched on, over the given API mock; returns the mock.
 */
export function renderEntityOverview<TApi>(
  entity: Entity,
  enabled: string[],
  api: TApi,
): TApi {
  renderTestApp({
    features: [reliabilityPlugin],
    extensions: [createTestEntityPage({ entity })],
    apis: [[reliabilityApiRef, api as any]],
    config: {
      app: {
        extensions: [
          ...TAB_IDS.map(id => ({ [id]: false })),
          ...enabled.map(id => ({ [id]: true })),
        ],
      },
    },
  });
  return api;
}
