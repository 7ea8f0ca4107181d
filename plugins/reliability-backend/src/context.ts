import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UrlReaderService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OnCallProvider,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { Knex } from 'knex';

/**
 * The core services and registered providers every part of the reliability backend is built from.
 * Created once in plugin.ts; domain modules take what they need from it.
 */
export interface ReliabilityContext {
  logger: LoggerService;
  config: RootConfigService;
  database: Knex;
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  catalog: CatalogService;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
  sliProviders: SliProvider[];
  onCallProviders: OnCallProvider[];
  /** Injectable clock, so tests can pin "now". */
  now: () => Date;
}
