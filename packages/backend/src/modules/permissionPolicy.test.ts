import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  reliabilityAdminPermission,
  reliabilityAssessmentCreatePermission,
  reliabilityCampaignManagePermission,
  reliabilityDeployGateOverridePermission,
  reliabilityIncidentsWritePermission,
  reliabilitySliEventsWritePermission,
} from '@internal/backstage-plugin-reliability-common';
import {
  readReliabilityAdmins,
  ReliabilityPermissionPolicy,
} from './permissionPolicy';

function userWith(ownershipEntityRefs: string[]) {
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: ownershipEntityRefs[0] },
  } as BackstageCredentials;
  return {
    credentials,
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  };
}

function policy(admins: string[] = ['group:default/sre']) {
  const userInfo = {
    getUserInfo: jest.fn(async (credentials: BackstageCredentials) => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs:
          ref === 'user:development/guest'
            ? [ref, 'group:default/sre']
            : [ref, 'group:default/checkout-payments'],
      };
    }),
  };
  return new ReliabilityPermissionPolicy({
    admins: new Set(admins),
    userInfo,
  });
}

describe('ReliabilityPermissionPolicy', () => {
  const request = { permission: reliabilityAssessmentCreatePermission };

  it('lets owners submit assessments through a catalog isEntityOwner condition', async () => {
    const decision = await policy([]).handle(
      request,
      userWith(['user:default/jonas.berg']),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: [
            'user:default/jonas.berg',
            'group:default/checkout-payments',
          ],
        },
      },
    });
  });

  it('lets owners override the deploy gate through the same owner condition', async () => {
    const decision = await policy([]).handle(
      { permission: reliabilityDeployGateOverridePermission },
      userWith(['user:default/jonas.berg']),
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('lets owners write SLI events through the same owner condition', async () => {
    const decision = await policy([]).handle(
      { permission: reliabilitySliEventsWritePermission },
      userWith(['user:default/jonas.berg']),
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('lets owners write incidents through the same owner condition', async () => {
    const decision = await policy([]).handle(
      { permission: reliabilityIncidentsWritePermission },
      userWith(['user:default/jonas.berg']),
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('grants the admin permission only to members of a reliability.admins group', async () => {
    const admin = { permission: reliabilityAdminPermission };
    expect(
      await policy(['group:default/sre']).handle(
        admin,
        userWith(['user:development/guest']),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy(['group:default/sre']).handle(
        admin,
        userWith(['user:default/jonas.berg']),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(await policy(['group:default/sre']).handle(admin)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('grants campaign management only to members of a reliability.admins group, not to everyone', async () => {
    const manage = { permission: reliabilityCampaignManagePermission };
    expect(
      await policy(['group:default/sre']).handle(
        manage,
        userWith(['user:development/guest']),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy(['group:default/sre']).handle(
        manage,
        userWith(['user:default/jonas.berg']),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy([]).handle(manage, userWith(['user:development/guest'])),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(await policy(['group:default/sre']).handle(manage)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('denies assessments without a user', async () => {
    expect(await policy().handle(request)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('allows every other permission', async () => {
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(await policy().handle({ permission: other })).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});

describe('readReliabilityAdmins', () => {
  it('reads and normalises group refs, and rejects anything else', () => {
    expect(
      readReliabilityAdmins(
        new ConfigReader({ reliability: { admins: ['group:default/SRE'] } }),
      ),
    ).toEqual(new Set(['group:default/sre']));
    expect(readReliabilityAdmins(new ConfigReader({}))).toEqual(new Set());
    expect(() =>
      readReliabilityAdmins(
        new ConfigReader({ reliability: { admins: ['sre'] } }),
      ),
    ).toThrow(/Invalid reliability.admins entry 'sre'/);
  });

  it('names no admins when the production config is layered over the demo config', () => {
    const root = path.resolve(__dirname, '../../../..');
    const read = (file: string) => ({
      context: file,
      data: parseYaml(fs.readFileSync(path.join(root, file), 'utf8')),
    });
    expect(
      readReliabilityAdmins(
        ConfigReader.fromConfigs([read('app-config.yaml')]),
      ),
    ).toEqual(new Set(['group:default/reliability-admins']));
    expect(
      readReliabilityAdmins(
        ConfigReader.fromConfigs([
          read('app-config.yaml'),
          read('app-config.production.yaml'),
        ]),
      ),
    ).toEqual(new Set());
  });
});
