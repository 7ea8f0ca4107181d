import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KindValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';

/**
 * Checks the demo catalog in examples/catalog (plus the repository's own catalog-info.yaml): every
 * entity passes Backstage's validators, every relation points at an entity of the set, the
 * reliability annotations follow the naming of examples/reliability/README.md, and app-config.yaml
 * loads every file with rules that allow its kinds.
 */

const repoRoot = path.resolve(__dirname, '../../../..');
const catalogDir = path.join(repoRoot, 'examples/catalog');
const backendDir = path.join(repoRoot, 'packages/backend');

function listYamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return listYamlFiles(full);
      }
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

interface LoadedEntity {
  file: string;
  entity: Entity;
}

function loadFile(file: string): LoadedEntity[] {
  const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  return documents.map(document => {
    if (document.errors.length > 0) {
      throw new Error(`${file}: ${document.errors[0].message}`);
    }
    return { file, entity: document.toJS() as Entity };
  });
}

const files = [
  ...listYamlFiles(catalogDir),
  path.join(repoRoot, 'catalog-info.yaml'),
];
const loaded = files.flatMap(loadFile);
const entities = loaded.map(l => l.entity);

const kindValidators: Record<string, KindValidator> = {
  Component: componentEntityV1alpha1Validator,
  API: apiEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Domain: domainEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  User: userEntityV1alpha1Validator,
};

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function refOf(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
}

function ofKind(kind: string): Entity[] {
  return entities.filter(e => e.kind === kind);
}

function annotation(entity: Entity, key: string): string | undefined {
  return entity.metadata.annotations?.[key];
}

/** Why an API's definition does not look like a valid document of its type, or undefined. */
function definitionProblem(api: Entity): string | undefined {
  const { type, definition } = api.spec as { type: string; definition: string };
  if (type === 'grpc') {
    return /^syntax = "proto3";/.test(definition) &&
      /\bservice \w+ \{/.test(definition)
      ? undefined
      : 'not a proto3 file with a service';
  }
  const document = parseYaml(definition);
  if (!document?.info?.title || !document.info.version) {
    return 'no info.title / info.version';
  }
  if (type === 'openapi') {
    return /^3\./.test(document.openapi) &&
      Object.keys(document.paths ?? {}).length > 0
      ? undefined
      : 'not an OpenAPI 3 document with paths';
  }
  if (type === 'asyncapi') {
    return /^2\./.test(document.asyncapi) &&
      Object.keys(document.channels ?? {}).length > 0
      ? undefined
      : 'not an AsyncAPI 2 document with channels';
  }
  return `unexpected API type ${type}`;
}

const relationFields: Array<{
  kinds: string[];
  field: string;
  defaultKind?: string;
}> = [
  {
    kinds: ['Component', 'API', 'Resource', 'System', 'Domain'],
    field: 'owner',
    defaultKind: 'Group',
  },
  {
    kinds: ['Component', 'API', 'Resource'],
    field: 'system',
    defaultKind: 'System',
  },
  { kinds: ['System'], field: 'domain', defaultKind: 'Domain' },
  { kinds: ['Component', 'Resource'], field: 'dependsOn' },
  { kinds: ['Component'], field: 'providesApis', defaultKind: 'API' },
  { kinds: ['Component'], field: 'consumesApis', defaultKind: 'API' },
  { kinds: ['User'], field: 'memberOf', defaultKind: 'Group' },
  { kinds: ['Group'], field: 'parent', defaultKind: 'Group' },
  { kinds: ['Group'], field: 'children', defaultKind: 'Group' },
];

describe('example catalog', () => {
  it('loads entities from every file', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      expect(loaded.some(l => l.file === file)).toBe(true);
    }
  });

  it.each(loaded.map(l => [refOf(l.entity), l.entity] as const))(
    '%s passes the catalog validators',
    async (_ref, entity) => {
      const validator = kindValidators[entity.kind];
      expect(validator).toBeDefined();
      await expect(
        policy.enforce(structuredClone(entity)),
      ).resolves.toBeDefined();
      await expect(validator.check(structuredClone(entity))).resolves.toBe(
        true,
      );
      expect(entity.metadata.description?.length ?? 0).toBeGreaterThan(20);
    },
  );

  it('has no duplicate entities', () => {
    const refs = entities.map(refOf);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('points every relation at an entity of the catalog', () => {
    const known = new Set(entities.map(refOf));
    const dangling: string[] = [];
    for (const entity of entities) {
      const spec = (entity.spec ?? {}) as Record<string, unknown>;
      for (const { kinds, field, defaultKind } of relationFields) {
        if (!kinds.includes(entity.kind) || spec[field] === undefined) {
          continue;
        }
        const values = ([] as unknown[]).concat(spec[field]);
        for (const value of values) {
          const target = stringifyEntityRef(
            parseEntityRef(String(value), {
              defaultKind,
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          );
          if (!known.has(target)) {
            dangling.push(`${refOf(entity)} ${field} -> ${target}`);
          }
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  it('keeps group parent and children consistent', () => {
    const groups = ofKind('Group');
    const inconsistent = groups
      .filter(group => group.spec?.parent !== undefined)
      .filter(group => {
        const parent = groups.find(g => g.metadata.name === group.spec?.parent);
        const children = (parent?.spec?.children ?? []) as string[];
        return !children.includes(group.metadata.name);
      })
      .map(group => group.metadata.name);
    expect(inconsistent).toEqual([]);
  });

  it('meets the size a realistic demo needs', () => {
    expect(ofKind('Group').length).toBeGreaterThanOrEqual(6);
    expect(ofKind('User').length).toBeGreaterThanOrEqual(15);
    expect(ofKind('Domain').length).toBe(3);
    expect(ofKind('System').length).toBeGreaterThanOrEqual(5);
    expect(ofKind('Component').length).toBeGreaterThanOrEqual(20);
    expect(ofKind('API').length).toBeGreaterThanOrEqual(8);
    expect(ofKind('Resource').length).toBeGreaterThanOrEqual(8);
    expect(ofKind('Group').map(g => g.metadata.name)).toEqual(
      expect.arrayContaining(['engineering', 'sre']),
    );
  });

  it('gives every API a parseable definition of its type', () => {
    const problems = ofKind('API').flatMap(api => {
      const problem = definitionProblem(api);
      return problem ? [`${api.metadata.name}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  describe('reliability annotations', () => {
    const components = ofKind('Component');
    const productionServices = components.filter(
      c =>
        c.spec?.lifecycle === 'production' &&
        ['service', 'website'].includes(c.spec?.type as string),
    );
    const groups = new Set(ofKind('Group').map(g => g.metadata.name));

    it('tiers every production service', () => {
      const untiered = productionServices
        .filter(
          s => !/^tier-[1-3]$/.test(annotation(s, ANNOTATIONS.tier) ?? ''),
        )
        .map(s => s.metadata.name);
      expect(untiered).toEqual([]);
      for (const name of ['checkout-api', 'payments', 'order-api']) {
        const service = components.find(c => c.metadata.name === name)!;
        expect(annotation(service, ANNOTATIONS.tier)).toBe('tier-1');
      }
    });

    it('names SLO and runbook locations after the component', () => {
      const misnamed = components.flatMap(component => {
        const name = component.metadata.name;
        const expected: Array<[string, string]> = [
          [ANNOTATIONS.sloDefinitions, `../../reliability/slo/${name}.yaml`],
          [ANNOTATIONS.runbooks, `../../reliability/runbooks/${name}/`],
        ];
        return expected
          .filter(([key, value]) => {
            const actual = annotation(component, key);
            return actual !== undefined && actual !== value;
          })
          .map(([key]) => `${name} ${key}`);
      });
      expect(misnamed).toEqual([]);
      const withSlo = components.filter(c =>
        annotation(c, ANNOTATIONS.sloDefinitions),
      );
      const withRunbooks = components.filter(c =>
        annotation(c, ANNOTATIONS.runbooks),
      );
      expect(withSlo.length).toBeGreaterThanOrEqual(12);
      expect(withRunbooks.length).toBeGreaterThanOrEqual(10);
    });

    it('names on-call schedules and escalation policies after a group', () => {
      const withSchedule = components.filter(c =>
        annotation(c, ANNOTATIONS.onCallSchedule),
      );
      expect(withSchedule.length).toBeGreaterThanOrEqual(12);
      for (const component of withSchedule) {
        const policyId = annotation(component, ANNOTATIONS.escalationPolicy);
        expect(groups.has(policyId!)).toBe(true);
        expect(annotation(component, ANNOTATIONS.onCallSchedule)).toBe(
          `${policyId}-primary`,
        );
      }
      const pagerDuty = components.filter(c =>
        annotation(c, ANNOTATIONS.pagerDutyServiceId),
      );
      expect(pagerDuty.length).toBeGreaterThanOrEqual(1);
      for (const component of pagerDuty) {
        expect(annotation(component, ANNOTATIONS.pagerDutyServiceId)).toMatch(
          /^P[A-Z0-9]{6}$/,
        );
      }
    });

    it('gives every team a time zone for postmortem deadlines', () => {
      const teams = ofKind('Group').filter(g => g.spec?.type === 'team');
      expect(teams.length).toBeGreaterThanOrEqual(6);
      for (const team of teams) {
        const zone = annotation(team, ANNOTATIONS.timeZone);
        expect({ team: team.metadata.name, zone }).toEqual({
          team: team.metadata.name,
          zone: expect.stringMatching(/^[A-Z][A-Za-z_]+\/[A-Za-z_]+$/),
        });
        expect(() =>
          new Intl.DateTimeFormat('en', { timeZone: zone }).format(),
        ).not.toThrow();
      }
    });

    it('leaves some production services without on-call (realistic gaps)', () => {
      const onCallKeys = [
        ANNOTATIONS.onCallSchedule,
        ANNOTATIONS.pagerDutyServiceId,
        ANNOTATIONS.opsgenieTeam,
      ];
      const uncovered = productionServices.filter(s =>
        onCallKeys.every(key => annotation(s, key) === undefined),
      );
      expect(uncovered.length).toBeGreaterThanOrEqual(2);
      expect(uncovered.length).toBeLessThanOrEqual(4);
    });

    it('uses https wiki links for runbook links', () => {
      const runbookLinks = components.flatMap(c =>
        (c.metadata.links ?? []).filter(l => l.type === RUNBOOK_LINK_TYPE),
      );
      expect(runbookLinks.length).toBeGreaterThanOrEqual(4);
      for (const link of runbookLinks) {
        expect(link.url).toMatch(/^https:\/\/wiki\.parcelly\.example\//);
        expect(link.title).toBeTruthy();
      }
    });
  });

  describe('app-config.yaml', () => {
    const appConfig = parseYaml(
      fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
    );
    const globalAllowed: string[] = appConfig.catalog.rules.flatMap(
      (rule: { allow: string[] }) => rule.allow,
    );
    const locations: Array<{
      type: string;
      target: string;
      rules?: Array<{ allow: string[] }>;
    }> = appConfig.catalog.locations;

    it('loads every catalog file with rules allowing its kinds', () => {
      const problems = files.flatMap(file => {
        const location = locations.find(
          l => l.type === 'file' && path.resolve(backendDir, l.target) === file,
        );
        if (!location) {
          return [`${file}: no catalog location`];
        }
        const allowed = [
          ...globalAllowed,
          ...(location.rules ?? []).flatMap(rule => rule.allow),
        ];
        return loaded
          .filter(l => l.file === file && !allowed.includes(l.entity.kind))
          .map(l => `${file}: kind ${l.entity.kind} not allowed`);
      });
      expect(problems).toEqual([]);
    });

    it('points every file location at an existing file', () => {
      const missing = locations
        .filter(l => l.type === 'file')
        .map(l => l.target)
        .filter(target => !fs.existsSync(path.resolve(backendDir, target)));
      expect(missing).toEqual([]);
    });
  });
});
