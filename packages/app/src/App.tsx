import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import reliabilityPlugin from '@internal/backstage-plugin-reliability/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [catalogPlugin, reliabilityPlugin, navModule, homeModule],
  bindRoutes({ bind }) {
    // Failing checklist items that a software template fixes link to it ("Adopt SLOs for a service").
    bind(reliabilityPlugin.externalRoutes, {
      scaffolderTemplate: scaffolderPlugin.routes.selectedTemplate,
    });
  },
});
