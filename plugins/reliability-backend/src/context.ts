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
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AlertSource,
  IncidentProvider,
  OnCallProvider,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { Knex } from 'knex';

/**
 * The core services and the providers registered by modules, built once in plugin.ts and handed, read-only,
 * to every `create<Area>Feature` factory. Factories never change it: what one area offers another is passed
 * explicitly as the second argument of the later factory (see createFeatures.ts).
 */
export interface ReliabilityContext {
  readonly logger: LoggerService;
  readonly config: RootConfigService;
  /** The plugin's migrated database connection (from the DatabaseService). */
  readonly knex: Knex;
  readonly auth: AuthService;
  readonly httpAuth: HttpAuthService;
  readonly userInfo: UserInfoService;
  readonly permissions: PermissionsService;
  readonly catalog: CatalogService;
  readonly scheduler: SchedulerService;
  readonly urlReader: UrlReaderService;
  /** Backstage's actions registry, where the actions area registers the suite's actions (MCP tools). */
  readonly actionsRegistry: ActionsRegistryService;
  /** SLI providers added by modules through the extension point (the SLO area adds its embedded one). */
  readonly sliProviders: readonly SliProvider[];
  /** On-call providers added by modules (the on-call area adds schedules as code after them). */
  readonly onCallProviders: readonly OnCallProvider[];
  /** Incident providers added by modules (the incidents area adds its embedded source beside them). */
  readonly incidentProviders: readonly IncidentProvider[];
  /** Alert sources added by modules (the alerts area adds its embedded source beside them). */
  readonly alertSources: readonly AlertSource[];
  /** Backstage notifications (the scheduled SLO review report); absent where the service is not wired. */
  readonly notifications?: NotificationService;
  /** Injectable clock, so tests can pin "now". */
  readonly now: () => Date;
}
