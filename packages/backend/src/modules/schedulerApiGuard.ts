import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { RequestHandler } from 'express';

/**
 * The writes of the scheduler REST API that Backstage mounts on every plugin's router
 * (`POST /api/<plugin>/.backstage/scheduler/v1/tasks/<id>/trigger` and `…/cancel`). They check no permission:
 * any signed-in user may start or stop any plugin's background tasks (backstage/backstage#30049), e.g. cancel the
 * reliability suite's SLO collection or start the overview's walk of every service again and again. Matched
 * case-insensitively and with repeated or trailing slashes, as Express's routers match them.
 */
const SCHEDULER_WRITE =
  /^\/api\/+[^/]+\/+\.backstage\/+scheduler\/+v1\/+tasks\/+[^/]+\/+(trigger|cancel)\/*$/i;

/** Answers those writes 403 before they reach any plugin (reads of the task list still pass). */
export function schedulerApiGuard(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST' && SCHEDULER_WRITE.test(req.path)) {
      res.status(403).json({
        error: {
          name: 'NotAllowedError',
          message:
            'Triggering or cancelling background tasks through the scheduler API is turned off in this backend; reliability admins run the reliability tasks with POST /api/reliability/background-work/:taskId/trigger',
        },
      });
      return;
    }
    next();
  };
}

/**
 * The backend's root HTTP router with {@link schedulerApiGuard} in front of every plugin: a deployment choice of
 * this demo backend (an app that uses the DevTools plugin's Scheduled Tasks tab needs those routes instead).
 */
export const rootHttpRouterWithSchedulerGuard = rootHttpRouterServiceFactory({
  configure: ({ app, applyDefaults }) => {
    app.use(schedulerApiGuard());
    applyDefaults();
  },
});
