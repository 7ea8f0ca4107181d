import {
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityMaturity,
  reliabilityAssessmentCreatePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import {
  authorizeEntityWrite,
  canWriteEntity,
} from '../shared/authorizeEntityWrite';
import { parseInput } from '../shared/parseInput';
import { authorOf } from '../shared/authorOf';
import { ChecklistRollupService } from './ChecklistRollupService';
import { addExemptionRoutes } from './exemptions/exemptionRoutes';
import { ExemptionService } from './exemptions/ExemptionService';
import { MaturityService } from './MaturityService';
import {
  assessmentIdSchema,
  auditQuerySchema,
  historyQuerySchema,
  rollupsQuerySchema,
  saveDraftSchema,
  submitAssessmentSchema,
} from './requestSchemas';
import { isReliabilityAdmin } from '../shared/isReliabilityAdmin';

const ENTITY = '/entities/:kind/:namespace/:name/maturity';

/** Options of {@link createChecklistRouter}. */
export interface ChecklistRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: MaturityService;
  rollups: ChecklistRollupService;
  exemptions: ExemptionService;
}

/** Routes of the reliability-maturity checklist. */
export function createChecklistRouter(
  options: ChecklistRouterOptions,
): express.Router {
  const {
    auth,
    httpAuth,
    userInfo,
    permissions,
    catalog,
    service,
    rollups,
    exemptions,
  } = options;
  const router = Router();

  router.get('/checklist', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(service.checklist);
  });

  router.get('/rollups', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { by } = parseInput(rollupsQuerySchema, req.query, 'roll-up query');
    res.json(await rollups.getRollups(by, credentials));
  });

  router.get(ENTITY, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    await loadEntity(catalog, entityRef, credentials);
    const [maturity, canSubmit] = await Promise.all([
      service.getEntityMaturity(entityRef),
      canWriteEntity({
        permissions,
        credentials,
        permission: reliabilityAssessmentCreatePermission,
        entityRef,
      }),
    ]);
    const response: EntityMaturity = { ...maturity, canSubmit };
    res.json(response);
  });

  router.get(`${ENTITY}/history`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(
      historyQuerySchema,
      req.query,
      'history query',
    );
    await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getHistory(entityRef, limit));
  });

  router.get(`${ENTITY}/audit`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(auditQuerySchema, req.query, 'audit query');
    if (!(await isReliabilityAdmin(permissions, credentials))) {
      throw new NotAllowedError(
        'Only reliability admins may read who answered what',
      );
    }
    await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getAuditLog(entityRef, limit));
  });

  router.get(`${ENTITY}/assessments/:id`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    const entityRef = entityRefFromParams({ kind, namespace, name });
    const id = parseInput(assessmentIdSchema, req.params.id, 'assessment id');
    await loadEntity(catalog, entityRef, credentials);
    const assessment = await service.getAssessment(entityRef, id);
    if (!assessment) {
      throw new NotFoundError(`No assessment ${id} for ${entityRef}`);
    }
    res.json(assessment);
  });

  router.post(`${ENTITY}/assessments`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const body = parseInput(submitAssessmentSchema, req.body, 'assessment');
    await loadEntity(catalog, entityRef, credentials);
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityAssessmentCreatePermission,
      entityRef,
      deniedMessage: `You may not submit maturity assessments for ${entityRef}; only its owners can`,
    });
    const record = await service.submitAssessment({
      entityRef,
      request: body,
      author: await authorOf(credentials, auth, userInfo),
    });
    res.status(201).json(record);
  });

  router.get(`${ENTITY}/draft`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefFromParams(req.params);
    await loadEntity(catalog, entityRef, credentials);
    const userRef = await authorOf(credentials, auth, userInfo);
    res.json({ draft: await service.getDraft(entityRef, userRef) });
  });

  router.put(`${ENTITY}/draft`, async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefFromParams(req.params);
    const body = parseInput(saveDraftSchema, req.body, 'draft');
    await loadEntity(catalog, entityRef, credentials);
    // A draft is a write like any other: only those who may submit assessments keep drafts of them.
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityAssessmentCreatePermission,
      entityRef,
      deniedMessage: `You may not save maturity assessment drafts for ${entityRef}; only its owners can`,
    });
    const userRef = await authorOf(credentials, auth, userInfo);
    res.json({ draft: await service.saveDraft(entityRef, userRef, body) });
  });

  addExemptionRoutes(router, {
    auth,
    httpAuth,
    userInfo,
    permissions,
    catalog,
    exemptions,
  });

  return router;
}
