/*
 * A web-only replica for benchmark-cycles.ts (BENCH_WEB_REPLICA=1, PostgreSQL only): the same backend (catalog and
 * reliability plugin) on the benchmark's databases in a process of its own, with
 * `reliability.backgroundTasks.enabled: false`, as a deployment that keeps the plugin's background work on worker
 * replicas would run it. The benchmark's own process is then the worker: it runs the cycles; the probe asks this
 * one. Started by benchmark-cycles.ts with its settings in the environment.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { benchmarkAuthConfig } from '../shared/benchmarkAuth';

process.env.LOG_LEVEL ??= 'warn';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`webReplica.ts needs ${name}`);
  return value;
};
const port = Number(env('BENCH_WEB_PORT'));

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () =>
      new ConfigReader({
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          baseUrl: `http://localhost:${port}`,
          listen: { port, host: '127.0.0.1' },
          database: {
            client: 'pg',
            connection: env('BENCH_PG_URL'),
            prefix: env('BENCH_PG_PREFIX'),
          },
          auth: benchmarkAuthConfig,
        },
        catalog: {
          rules: [
            { allow: ['Component', 'System', 'Domain', 'Group', 'User'] },
          ],
          processingInterval: { hours: 24 },
          // This replica has no entity provider of its own: it must not evict the worker's entities as orphans.
          orphanProviderStrategy: 'keep',
        },
        reliability: {
          backgroundTasks: { enabled: false },
          onCall: { scheduleFiles: [env('BENCH_SCHEDULE_FILE')] },
        },
      }),
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../../src'));
backend.start().catch(error => {
  console.error(error);
  process.exit(1);
});
