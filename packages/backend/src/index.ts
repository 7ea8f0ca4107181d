/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { localFileReaderFactory } from './modules/localFileReaderFactory';
import { reliabilityPermissionPolicyModule } from './modules/permissionPolicy';
import { rootHttpRouterWithSchedulerGuard } from './modules/schedulerApiGuard';

const backend = createBackend();

// Closes the scheduler REST API's unchecked trigger/cancel routes (backstage/backstage#30049): see the module
backend.add(rootHttpRouterWithSchedulerGuard);

// file:// UrlReader limited to localFileReader.allowedRoots (the demo catalog's SLO files and runbooks)
backend.add(localFileReaderFactory);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// reliability suite's scaffolder actions (reliability:slo:create, reliability:runbook:create, reliability:annotate)
backend.add(import('@internal/plugin-scaffolder-backend-module-reliability'));

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// Reliability demo policy: assessments only by the entity's owners (or reliability.admins); everything else allowed
backend.add(reliabilityPermissionPolicyModule);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(import('@internal/plugin-search-backend-module-reliability'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@internal/backstage-plugin-reliability-backend'));
backend.add(
  import('@internal/backstage-plugin-reliability-backend-module-prometheus'),
);
backend.add(
  import('@internal/backstage-plugin-reliability-backend-module-datadog'),
);
backend.add(
  import('@internal/backstage-plugin-reliability-backend-module-pagerduty'),
);
backend.add(
  import('@internal/backstage-plugin-reliability-backend-module-opsgenie'),
);
backend.start();
