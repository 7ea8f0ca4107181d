import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATIONS,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { LearningRunbookIndex } from '../sources';

/** Where test Groups are declared: their learning path files resolve under this directory. */
export const ORG_LOCATION = 'https://example.com/org/catalog-info.yaml';

/** A learning path with one item of every kind; progress shared when `shareProgress`. */
export function learningPathYaml(
  options: { shareProgress?: boolean; extraItem?: boolean } = {},
): string {
  return `
apiVersion: reliability.sre-portal.dev/v1alpha1
kind: LearningPath
metadata:
  title: Checkout onboarding
  description: Your first weeks on the team.
  labels:
    demo: "true"
spec:
  shareProgress: ${options.shareProgress ? 'true' : 'false'}
  items:
    - id: read-rollback
      kind: runbook
      entity: checkout-api
      runbook: rollback-checkout
      why: Every release can be rolled back; know how before your first deploy.
    - id: walk-pay
      kind: journey
      entity: system:shop
      journey: shopper-pays
    - id: review-cdn
      kind: postmortem
      entity: component:default/checkout-api
      runbook: postmortem-eu-cdn-outage
    - id: shadow
      kind: shadow-oncall
    - id: slo-basics
      kind: link
      title: SLO basics
      url: https://sre.google/sre-book/service-level-objectives/
${
  options.extraItem
    ? `    - id: extra
      kind: link
      title: Extra reading
      url: https://example.com/extra
`
    : ''
}`;
}

/** A team Group whose learning-path annotation names `./learning/<name>.yaml` (none when `path` is false). */
export function teamGroup(name: string, path = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      title: `Team ${name}`,
      annotations: {
        'backstage.io/managed-by-location': `url:${ORG_LOCATION}`,
        ...(path
          ? { [ANNOTATIONS.learningPath]: `./learning/${name}.yaml` }
          : {}),
      },
    },
    spec: { type: 'team', children: [] },
  };
}

/** A User who is a member of `groups` (names in the default namespace). */
export function teamUser(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
    spec: { memberOf: groups },
    relations: groups.map(group => ({
      type: 'memberOf',
      targetRef: `group:default/${group}`,
    })),
  };
}

/** The URL a team's learning path file resolves to. */
export function learningPathUrl(team: string): string {
  return new URL(`./learning/${team}.yaml`, ORG_LOCATION).toString();
}

/** A URL reader serving the given files (by URL); anything else is a 404. */
export function learningUrlReader(files: Record<string, string>) {
  return mockServices.urlReader.mock({
    readUrl: async (url: string) => {
      const text = files[url];
      if (text === undefined) {
        throw new NotFoundError(`No such file: ${url}`);
      }
      const buffer = Buffer.from(text, 'utf8');
      return { buffer: async () => buffer };
    },
  });
}

/** A runbook index entry. */
export function runbookEntry(
  id: string,
  title: string,
  kind: RunbookEntry['kind'] = 'runbook',
): RunbookEntry {
  return {
    id,
    title,
    kind,
    answers: [],
    owner: null,
    lastReviewed: null,
    stale: false,
    url: null,
    source: 'markdown',
    location: null,
    error: null,
  };
}

/** A runbook index holding the given runbooks per entity ref. */
export function fixedRunbookIndex(
  runbooks: Record<string, RunbookEntry[]>,
): LearningRunbookIndex {
  return {
    getRunbooks: async refs =>
      new Map(
        refs
          .filter(ref => runbooks[ref])
          .map(ref => [ref, runbooks[ref]] as const),
      ),
  };
}
