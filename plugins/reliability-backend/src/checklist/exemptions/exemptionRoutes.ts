import {
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityExemptionsResponse,
  ExemptionsListResponse,
  reliabilityAssessmentCreatePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import {
  authorizeEntityWrite,
  canWriteEntity,
} from '../../shared/authorizeEntityWrite';
import { entityRefFromParams, loadEntity } from '../../shared/entityLoader';
import { parseInput } from '../../shared/parseInput';
import { authorOf } from '../../shared/authorOf';
import {
  decideExemptionSchema,
  entityExemptionsQuerySchema,
  exemptionsQuerySchema,
  itemIdSchema,
  requestExemptionSchema,
  revokeExemptionSchema,
} from '../requestSchemas';
import { ExemptionService } from './ExemptionService';
import { isReliabilityAdmin } from '../../shared/isReliabilityAdmin';

const EXEMPTIONS = '/entities/:kind/:namespace/:name/maturity/exemptions';

/** Options of {@link addExemptionRoutes}. */
export interface ExemptionRoutesOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  exemptions: ExemptionService;
}

/**
 * Routes of checklist exemptions, on the checklist's router: anyone signed in reads them; owners (the
 * assessment permission, or reliability admins) request them; reliability admins decide and revoke.
 * Exemptions of an entity are addressed by item: an item has at most one open (pending or active) exemption.
 */
export function addExemptionRoutes(
  router: express.Router,
  options: ExemptionRoutesOptions,
): void {
  const { auth, httpAuth, userInfo, permissions, catalog, exemptions } =
    options;

  router.get('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { status, limit } = parseInput(
      exemptionsQuerySchema,
      req.query,
      'exemptions query',
    );
    const [list, canDecide] = await Promise.all([
      exemptions.list(status, limit, credentials),
      isReliabilityAdmin(permissions, credentials),
    ]);
    const response: ExemptionsListResponse = { exemptions: list, canDecide };
    res.json(response);
  });

  router.get(EXEMPTIONS, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(
      entityExemptionsQuerySchema,
      req.query,
      'exemptions query',
    );
    await loadEntity(catalog, entityRef, credentials);
    const [list, canRequest, canDecide] = await Promise.all([
      exemptions.listForEntity(entityRef, limit),
      canWriteEntity({
        permissions,
        credentials,
        permission: reliabilityAssessmentCreatePermission,
        entityRef,
      }),
      isReliabilityAdmin(permissions, credentials),
    ]);
    const response: EntityExemptionsResponse = {
      entityRef,
      exemptions: list,
      canRequest,
      canDecide,
      maxDurationDays: exemptions.maxDurationDays,
      autoApprovedItems: exemptions.autoApprovedItems,
    };
    res.json(response);
  });

  router.post(EXEMPTIONS, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const body = parseInput(requestExemptionSchema, req.body, 'exemption');
    await loadEntity(catalog, entityRef, credentials);
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityAssessmentCreatePermission,
      entityRef,
      deniedMessage: `You may not request exemptions for ${entityRef}; only its owners can`,
    });
    const exemption = await exemptions.request({
      entityRef,
      request: body,
      requestedBy: await authorOf(credentials, auth, userInfo),
    });
    res.status(201).json(exemption);
  });

  router.post(`${EXEMPTIONS}/:itemId/decision`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const entityRef = entityRefFromParams({ kind, namespace, name });
    const itemId = parseInput(itemIdSchema, req.params.itemId, 'item id');
    const body = parseInput(decideExemptionSchema, req.body, 'decision');
    await loadEntity(catalog, entityRef, credentials);
    if (!(await isReliabilityAdmin(permissions, credentials))) {
      throw new NotAllowedError(
        'Only reliability admins may approve or reject exemptions',
      );
    }
    res.json(
      await exemptions.decide({
        entityRef,
        itemId,
        request: body,
        decidedBy: await authorOf(credentials, auth, userInfo),
      }),
    );
  });

  router.delete(`${EXEMPTIONS}/:itemId`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const entityRef = entityRefFromParams({ kind, namespace, name });
    const itemId = parseInput(itemIdSchema, req.params.itemId, 'item id');
    const body = parseInput(revokeExemptionSchema, req.body, 'revocation');
    await loadEntity(catalog, entityRef, credentials);
    if (!(await isReliabilityAdmin(permissions, credentials))) {
      throw new NotAllowedError(
        'Only reliability admins may revoke exemptions',
      );
    }
    res.json(
      await exemptions.revoke({
        entityRef,
        itemId,
        request: body,
        revokedBy: await authorOf(credentials, auth, userInfo),
      }),
    );
  });
}
