import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { reliabilityPermissions } from '@internal/backstage-plugin-reliability-common';
import {
  AlertSource,
  IncidentProvider,
  OnCallProvider,
  reliabilityAlertSourcesExtensionPoint,
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from './database/migrateDatabase';
import { createFeatures } from './createFeatures';
import { createRouter } from './router';

/**
 * The reliability backend plugin: SLOs, on-call, runbooks and the reliability-maturity checklist.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const sliProviders: SliProvider[] = [];
    const onCallProviders: OnCallProvider[] = [];
    const incidentProviders: IncidentProvider[] = [];
    const alertSources: AlertSource[] = [];
    env.registerExtensionPoint(reliabilitySliProvidersExtensionPoint, {
      addSliProvider: (...providers) => sliProviders.push(...providers),
    });
    env.registerExtensionPoint(reliabilityOnCallProvidersExtensionPoint, {
      addOnCallProvider: (...providers) => onCallProviders.push(...providers),
    });
    env.registerExtensionPoint(reliabilityIncidentProvidersExtensionPoint, {
      addIncidentProvider: (...providers) =>
        incidentProviders.push(...providers),
    });
    env.registerExtensionPoint(reliabilityAlertSourcesExtensionPoint, {
      addAlertSource: (...sources) => alertSources.push(...sources),
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init({ database, httpRouter, permissionsRegistry, ...services }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await migrateDatabase(knex);
        }
        permissionsRegistry.addPermissions(reliabilityPermissions);

        const features = await createFeatures({
          ...services,
          knex,
          sliProviders: [...sliProviders],
          onCallProviders: [...onCallProviders],
          incidentProviders: [...incidentProviders],
          alertSources: [...alertSources],
          now: () => new Date(),
        });
        httpRouter.use(createRouter(features));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
