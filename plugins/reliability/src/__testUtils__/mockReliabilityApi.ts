import { Entity } from '@backstage/catalog-model';
import { mockMaturityApi } from '../components/checklist/testData';
import { mockAlertsApi } from '../components/alerts/testData';
import { mockIncidentsApi } from '../components/incidents/testData';
import { testTeamLearningProgress } from '../components/learning/testData';
import { okState, testGroupOnCall } from '../components/oncall/testData';
import { testPage, testRow } from '../components/overview/testData';
import { mockRunbooksApi } from '../components/runbooks/testData';
import { checkoutSlo } from '../components/slo/testData';

/** A service with every reliability source, for tests of the plugin's exports. */
export const testService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'reliability.sre-portal.dev/slo-definitions': 'slos.yaml',
      'reliability.sre-portal.dev/runbooks': 'runbooks/',
    },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

/** A team, for the group on-call exports. */
export const testTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Every read of the reliability API answered with the areas' test data (history and burn-down never load). */
export function mockReliabilityApi() {
  return {
    ...mockMaturityApi(),
    ...mockRunbooksApi(),
    ...mockIncidentsApi(),
    ...mockAlertsApi(),
    getEntitySlos: jest.fn(async () => ({
      entityRef: 'component:default/checkout',
      definitionErrors: [],
      slos: [checkoutSlo()],
    })),
    getSloBurndown: jest.fn(() => new Promise(() => {})),
    getSloHistory: jest.fn(() => new Promise(() => {})),
    getEntityOnCall: jest.fn(async () => okState()),
    getGroupOnCall: jest.fn(async () => testGroupOnCall()),
    getOverview: jest.fn(async () => testPage([testRow('orders')])),
    getTeamLearningProgress: jest.fn(async () =>
      testTeamLearningProgress({ groupRef: 'group:default/payments' }),
    ),
  };
}
