import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { RouteInfo, samplePath } from '../listRoutes';
import { API_BASE } from './testBackend';

type Server = Parameters<typeof request>[0];

/**
 * Sends a request to a route (sample path parameters unless given) as a signed-in user. `body` is raw text (sent as is, with
 * `contentType`) or a value sent as JSON; undefined sends no body.
 */
export function sendAsUser(
  server: Server,
  route: RouteInfo,
  options: {
    body?: unknown;
    contentType?: string;
    /** Path parameters replacing the sample ones. */
    params?: Record<string, string>;
  } = {},
) {
  const method = route.method.toLowerCase() as
    | 'get'
    | 'post'
    | 'put'
    | 'patch'
    | 'delete';
  let req = request(server)
    [method](`${API_BASE}${samplePath(route.path, options.params)}`)
    .set('Authorization', mockCredentials.user.header());
  if (options.body === undefined) {
    return req;
  }
  if (typeof options.body === 'string') {
    req = req.set('Content-Type', options.contentType ?? 'application/json');
    return req.send(options.body);
  }
  return req.send(options.body as object);
}

/** The message of a Backstage JSON error response, if the response is one. */
export function errorMessage(res: {
  body?: unknown;
  headers: Record<string, string>;
}): string | undefined {
  if (!String(res.headers['content-type'] ?? '').includes('application/json')) {
    return undefined;
  }
  const message = (res.body as { error?: { message?: unknown } } | undefined)
    ?.error?.message;
  return typeof message === 'string' && message.length > 0
    ? message
    : undefined;
}
