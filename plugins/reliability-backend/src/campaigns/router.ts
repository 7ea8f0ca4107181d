import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CampaignDetail,
  CampaignsListResponse,
  EntityCampaignsResponse,
  reliabilityCampaignManagePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { authorOf } from '../shared/authorOf';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import {
  campaignIdSchema,
  campaignInputSchema,
  campaignsQuerySchema,
} from './campaignSchema';
import { CampaignService } from './CampaignService';

/** Options of {@link createCampaignsRouter}. */
export interface CampaignsRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: CampaignService;
}

async function canManage(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityCampaignManagePermission }],
    { credentials },
  );
  return decision?.result === AuthorizeResult.ALLOW;
}

/**
 * Routes of campaigns: anyone signed in reads them (progress over the services they can see); holders of
 * `reliability.campaign.manage` create and edit those not kept as code.
 */
export function createCampaignsRouter(
  options: CampaignsRouterOptions,
): express.Router {
  const { auth, httpAuth, userInfo, permissions, catalog, service } = options;
  const router = Router();

  router.get('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { status } = parseInput(
      campaignsQuerySchema,
      req.query,
      'campaigns query',
    );
    const [campaigns, manage] = await Promise.all([
      service.list(status, credentials),
      canManage(permissions, credentials),
    ]);
    const response: CampaignsListResponse = { campaigns, canManage: manage };
    res.json(response);
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const id = parseInput(campaignIdSchema, req.params.id, 'campaign id');
    const [detail, manage] = await Promise.all([
      service.get(id, credentials),
      canManage(permissions, credentials),
    ]);
    if (!detail) {
      throw new NotFoundError(`No campaign '${id}'`);
    }
    const response: CampaignDetail = {
      ...detail,
      canManage: manage && detail.campaign.source === 'api',
    };
    res.json(response);
  });

  router.put('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const id = parseInput(campaignIdSchema, req.params.id, 'campaign id');
    const body = parseInput(campaignInputSchema, req.body, 'campaign');
    if (!(await canManage(permissions, credentials))) {
      throw new NotAllowedError(
        'Only holders of reliability.campaign.manage may create or change campaigns',
      );
    }
    const { campaign, created } = await service.put(
      id,
      body,
      await authorOf(credentials, auth, userInfo),
    );
    res.status(created ? 201 : 200).json(campaign);
  });

  router.get('/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const entity = await loadEntity(catalog, entityRef, credentials);
    const response: EntityCampaignsResponse = {
      entityRef,
      campaigns: await service.forEntity(entity, credentials),
    };
    res.json(response);
  });

  return router;
}
