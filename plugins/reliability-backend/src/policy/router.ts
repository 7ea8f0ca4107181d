import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  entityRefKey,
  reliabilityDeployGateOverridePermission,
  SLO_REPORT_FORMATS,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { authorizeEntityWrite } from '../shared/authorizeEntityWrite';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { DeployGateService } from './deployGate/DeployGateService';
import { PolicyService } from './PolicyService';
import { sloReportCsv, sloReportMarkdown } from './reports/formatReport';
import { ReportScope, SloReportService } from './reports/SloReportService';

const ENTITY = '/entities/:kind/:namespace/:name';

const gateQuerySchema = z.strictObject({
  /** Free text the pipeline records with the answer (run URL, commit). */
  context: z.string().trim().min(1).max(500).optional(),
});

const overrideSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  expiresAt: z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 date-time',
  }),
});

const revokeOverrideSchema = z.strictObject({
  reason: z.string().trim().min(3).max(500),
  endsAt: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
    .optional(),
});

const overrideIdSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, 'must be a UUID'),
});

const reportQuerySchema = z
  .strictObject({
    owner: z.string().min(1).max(600).optional(),
    system: z.string().min(1).max(600).optional(),
    format: z.enum(SLO_REPORT_FORMATS).optional(),
  })
  .refine(
    query => (query.owner === undefined) !== (query.system === undefined),
    {
      message: 'give exactly one of owner and system',
    },
  );

/** The report's scope from `owner` (a group or user ref) or `system` (a system ref); kind and namespace may be left out. */
function reportScope(query: { owner?: string; system?: string }): ReportScope {
  const kind = query.owner !== undefined ? 'owner' : 'system';
  const text = (query.owner ?? query.system)!;
  const allowed = kind === 'owner' ? ['group', 'user'] : ['system'];
  let ref;
  try {
    ref = parseEntityRef(text, {
      defaultKind: allowed[0],
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`Invalid report query: ${kind}: ${String(error)}`);
  }
  if (!allowed.includes(ref.kind.toLowerCase())) {
    throw new InputError(
      `Invalid report query: ${kind} must be a ${allowed.join(
        ' or ',
      )} ref, got '${text}'`,
    );
  }
  return { kind, ref: entityRefKey(ref) };
}

/** Who is calling: a user's entity ref, or the subject of a service (`external:<subject>` for static tokens). */
async function callerOf(
  credentials: BackstageCredentials,
  auth: AuthService,
  userInfo: UserInfoService,
): Promise<string> {
  if (auth.isPrincipal(credentials, 'user')) {
    const info = await userInfo.getUserInfo(credentials);
    return entityRefKey(parseEntityRef(info.userEntityRef));
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return credentials.principal.subject;
  }
  return 'unknown';
}

/** Options of {@link createPolicyRouter}. */
export interface PolicyRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  policy: PolicyService;
  deployGate: DeployGateService;
  reports: SloReportService;
}

/**
 * Routes of the policy area. Entities are read with the caller's credentials (catalog permissions decide
 * who sees what):
 * - `GET .../policy`: the entity's policy, its state per SLO and for the service since when, and the history;
 * - `GET .../deploy-gate?context=`: allow / warn / deny with reasons, for users and pipelines (service tokens);
 *   every answer is recorded;
 * - `GET .../deploy-gate/activity`: the last answers and the overrides;
 * - `POST .../deploy-gate/overrides`: a break-glass override (`reliability.deploy-gate.override`, users only);
 * - `DELETE .../deploy-gate/overrides/:id`: ends an override early (now or at `endsAt`), with the reason (same
 *   permission, users only);
 * - `GET /reports/slo?owner=|system=&format=json|markdown|csv`: the SLO review report of a team or a system.
 */
export function createPolicyRouter(
  options: PolicyRouterOptions,
): express.Router {
  const {
    auth,
    httpAuth,
    userInfo,
    permissions,
    catalog,
    policy,
    deployGate,
    reports,
  } = options;
  const router = Router();

  router.get(`${ENTITY}/policy`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = await loadEntity(
      catalog,
      entityRefFromParams(req.params),
      credentials,
    );
    res.json(await policy.getEntityPolicy(entity));
  });

  router.get(`${ENTITY}/deploy-gate`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const { context } = parseInput(
      gateQuerySchema,
      req.query,
      'deploy-gate query',
    );
    const entity = await loadEntity(catalog, entityRef, credentials);
    const askedBy = await callerOf(credentials, auth, userInfo);
    res.json(await deployGate.answer(entity, askedBy, context ?? null));
  });

  router.get(`${ENTITY}/deploy-gate/activity`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = await loadEntity(
      catalog,
      entityRefFromParams(req.params),
      credentials,
    );
    res.json(await deployGate.activity(entity));
  });

  router.post(`${ENTITY}/deploy-gate/overrides`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefFromParams(req.params);
    const body = parseInput(overrideSchema, req.body, 'deploy-gate override');
    const entity = await loadEntity(catalog, entityRef, credentials);
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityDeployGateOverridePermission,
      entityRef,
      deniedMessage: `You may not override the deploy gate of ${entityRef}`,
    });
    const createdBy = await callerOf(credentials, auth, userInfo);
    res
      .status(201)
      .json(await deployGate.createOverride(entity, body, createdBy));
  });

  router.delete(`${ENTITY}/deploy-gate/overrides/:id`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefFromParams(req.params);
    const { id } = parseInput(
      overrideIdSchema,
      { id: req.params.id },
      'deploy-gate override',
    );
    const body = parseInput(
      revokeOverrideSchema,
      req.body,
      'deploy-gate override revocation',
    );
    const entity = await loadEntity(catalog, entityRef, credentials);
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityDeployGateOverridePermission,
      entityRef,
      deniedMessage: `You may not revoke overrides of the deploy gate of ${entityRef}`,
    });
    const revokedBy = await callerOf(credentials, auth, userInfo);
    res.json(
      await deployGate.revokeOverride(
        entity,
        id.toLowerCase(),
        body,
        revokedBy,
      ),
    );
  });

  router.get('/reports/slo', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(reportQuerySchema, req.query, 'report query');
    const report = await reports.report(reportScope(query), credentials);
    const filename = `slo-review-${report.scope.ref.replace(
      /[^a-z0-9-]+/g,
      '-',
    )}`;
    switch (query.format ?? 'json') {
      case 'markdown':
        res.type('text/markdown; charset=utf-8');
        res.setHeader(
          'Content-Disposition',
          `inline; filename="${filename}.md"`,
        );
        res.send(sloReportMarkdown(report));
        return;
      case 'csv':
        res.type('text/csv; charset=utf-8');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="${filename}.csv"`,
        );
        res.send(sloReportCsv(report));
        return;
      default:
        res.json(report);
    }
  });

  return router;
}
