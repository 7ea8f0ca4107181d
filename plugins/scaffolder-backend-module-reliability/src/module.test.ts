import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleReliability } from './module';

describe('scaffolderModuleReliability', () => {
  it('adds the reliability actions to the scaffolder, each with a dry run', async () => {
    const added: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...actions: any[]) => added.push(...actions) },
        ],
      ],
      features: [
        scaffolderModuleReliability,
        mockServices.rootConfig.factory({
          data: { backend: { baseUrl: 'https://backstage.example.com' } },
        }),
      ],
    });
    expect(added.map(a => a.id)).toEqual([
      'reliability:slo:create',
      'reliability:runbook:create',
      'reliability:annotate',
      'reliability:deploy-gate:workflow',
    ]);
    expect(added.every(a => a.supportsDryRun)).toBe(true);
  });
});
