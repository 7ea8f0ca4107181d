import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { entityRefFromParams } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { overviewCsvStream } from './csvStream';
import { parseOverviewRequest } from './overviewQuery';
import { OverviewService } from './OverviewService';
import { BlastRadiusService } from './tour/blastRadius/BlastRadiusService';
import { TourService } from './tour/TourService';

/** Response header of `GET /overview.csv`: how many services match the filters (the rows, unless capped). */
export const CSV_TOTAL_HEADER = 'X-Reliability-Total-Items';
/** Response header of `GET /overview.csv`: how many rows the export holds (fewer than the total when capped). */
export const CSV_ROWS_HEADER = 'X-Reliability-Exported-Items';

const summariesQuerySchema = z
  .object({ by: z.enum(['team', 'system']).default('team') })
  .strict();

/**
 * Whether the caller may read every catalog entity (an unconditional ALLOW of `catalog.entity.read`): then the
 * stored roll-up of the whole catalog is exactly what the caller would see. A conditional decision (the caller
 * sees only some entities) or a denial is false.
 */
async function readsWholeCatalog(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  return decision?.result === AuthorizeResult.ALLOW;
}

/** Routes of the org overview, the architecture tour and the blast radius. */
export function createOverviewRouter(options: {
  httpAuth: HttpAuthService;
  /** Decides whether a caller's pages and roll-ups may come from the services index and stored roll-ups. */
  permissions: PermissionsService;
  overview: OverviewService;
  tour: TourService;
  blastRadius: BlastRadiusService;
  /** Most rows one CSV export holds (`reliability.overview.csvExport.maxRows`). */
  csvMaxRows: number;
}): express.Router {
  const { httpAuth, permissions, overview, tour, blastRadius, csvMaxRows } =
    options;
  const router = Router();
  const credentialsOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  // The services index and the stored roll-ups hold every catalog service: only for callers who may see every one
  // (else the catalog is read with the caller's credentials, so nothing they cannot see leaks).
  const wholeCatalog = async (credentials: BackstageCredentials) => ({
    fromServicesIndex: await readsWholeCatalog(permissions, credentials),
  });

  router.get('/overview', async (req, res) => {
    const credentials = await credentialsOf(req);
    const request = parseOverviewRequest(req.query);
    res.json(
      await overview.getPage(
        request,
        credentials,
        await wholeCatalog(credentials),
      ),
    );
  });

  router.get('/overview.csv', async (req, res) => {
    const credentials = await credentialsOf(req);
    const request = parseOverviewRequest({ ...req.query, limit: '100' });
    const pages = overview.pages(
      request,
      credentials,
      csvMaxRows,
      await wholeCatalog(credentials),
    );
    // Read the first page before answering, so a bad filter is still a clean 4xx.
    const first = await pages.next();
    const total = first.done ? 0 : first.value.totalItems;
    res.status(200);
    // Said before the body, so a client can tell a capped export from a whole one.
    res.setHeader(CSV_TOTAL_HEADER, String(total));
    res.setHeader(CSV_ROWS_HEADER, String(Math.min(total, csvMaxRows)));
    // Readable by the app when it is served from another origin than the backend (as in `yarn start`).
    res.append('Access-Control-Expose-Headers', [
      CSV_TOTAL_HEADER,
      CSV_ROWS_HEADER,
    ]);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="reliability-overview.csv"',
    );
    // Page by page as the client reads (bounded memory); a failure after the headers aborts the download
    // (the socket is destroyed) rather than ending it as if it were complete.
    const body = overviewCsvStream(first.done ? undefined : first.value, pages);
    const done = pipeline(body, res);
    // The backend compresses responses: send each page when it is written, not when the compressor's buffer
    // fills (`flush` is the compression middleware's).
    const flush = (res as { flush?: () => void }).flush;
    if (flush) {
      body.on('data', () => flush.call(res));
    }
    await done.catch(() => {});
  });

  router.get('/overview/summaries', async (req, res) => {
    const credentials = await credentialsOf(req);
    const { by } = parseInput(
      summariesQuerySchema,
      req.query,
      'summaries query',
    );
    const stored = await readsWholeCatalog(permissions, credentials);
    res.json(await overview.getGroupSummaries(by, credentials, { stored }));
  });

  router.get('/tour/systems/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = entityRefFromParams({ kind: 'system', ...req.params });
    res.json(await tour.systemTour(ref, credentials));
  });

  router.get('/tour/domains/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = entityRefFromParams({ kind: 'domain', ...req.params });
    res.json(await tour.domainTour(ref, credentials));
  });

  router.get('/tour/blast-radius/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const ref = entityRefFromParams(req.params);
    res.json(await blastRadius.blastRadius(ref, credentials));
  });

  return router;
}
