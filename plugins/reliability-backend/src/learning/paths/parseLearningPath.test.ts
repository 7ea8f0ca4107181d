import { learningPathYaml } from '../__testUtils__/learningFixtures';
import { parseLearningPath } from './parseLearningPath';

const options = {
  defaultNamespace: 'default',
  groupRef: 'group:default/checkout',
};

describe('parseLearningPath', () => {
  it('reads every kind of item with normalised entity refs', () => {
    const parsed = parseLearningPath(learningPathYaml(), options);
    expect(parsed.errors).toEqual([]);
    expect(parsed.path).toMatchObject({
      title: 'Checkout onboarding',
      description: 'Your first weeks on the team.',
      shareProgress: false,
      demo: true,
    });
    expect(
      parsed.path!.items.map(i => [
        i.id,
        i.kind,
        i.entityRef,
        i.runbookId ?? i.journey ?? i.url,
      ]),
    ).toEqual([
      [
        'read-rollback',
        'runbook',
        'component:default/checkout-api',
        'rollback-checkout',
      ],
      ['walk-pay', 'journey', 'system:default/shop', 'shopper-pays'],
      [
        'review-cdn',
        'postmortem',
        'component:default/checkout-api',
        'postmortem-eu-cdn-outage',
      ],
      ['shadow', 'shadow-oncall', 'group:default/checkout', null],
      [
        'slo-basics',
        'link',
        null,
        'https://sre.google/sre-book/service-level-objectives/',
      ],
    ]);
    expect(parsed.path!.items[0].why).toMatch(/rolled back/);
  });

  it('names the field of every problem and yields no path', () => {
    const text = `
apiVersion: reliability.sre-portal.dev/v1alpha1
kind: LearningPath
metadata: { title: Broken }
spec:
  items:
    - { id: Bad Id, kind: runbook, entity: checkout-api, runbook: x }
    - { id: link, kind: link, url: "javascript:alert(1)" }
    - { id: dance, kind: dance }
`;
    const parsed = parseLearningPath(text, options);
    expect(parsed.path).toBeNull();
    expect(parsed.errors.join('\n')).toMatch(/spec\.items\.0\.id/);
    expect(parsed.errors.join('\n')).toMatch(/spec\.items\.1\.(title|url)/);
    expect(parsed.errors.join('\n')).toMatch(/spec\.items\.2\.kind/);
  });

  it('refuses duplicate ids, wrong entity kinds, several documents and bad YAML', () => {
    const duplicate = learningPathYaml().replace(
      'id: walk-pay',
      'id: read-rollback',
    );
    expect(parseLearningPath(duplicate, options).errors).toEqual([
      "spec.items.1.id: 'read-rollback' is used twice",
    ]);
    const wrongKind = learningPathYaml().replace(
      'entity: system:shop',
      'entity: component:shop',
    );
    expect(parseLearningPath(wrongKind, options).errors[0]).toMatch(
      /^spec\.items\.1\.entity: a journey item names a system, domain/,
    );
    expect(
      parseLearningPath(
        `${learningPathYaml()}\n---\n${learningPathYaml()}`,
        options,
      ).errors,
    ).toEqual([
      'the file holds 2 YAML documents; a learning path file holds exactly one',
    ]);
    expect(parseLearningPath('a: [1, 2', options).errors[0]).toMatch(
      /^invalid YAML at line/,
    );
    expect(parseLearningPath('', options).errors).toEqual([
      'the file holds no learning path',
    ]);
    expect(
      parseLearningPath(
        learningPathYaml().replace('kind: LearningPath', 'kind: Journey'),
        options,
      ).errors[0],
    ).toMatch(/^kind:/);
  });
});
