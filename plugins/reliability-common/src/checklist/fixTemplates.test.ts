import { fixTemplateOfCheck } from './fixTemplates';
import { ChecklistItem } from './types';

const item = (overrides: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'x',
  title: 'X',
  why: '',
  level: 'beginner',
  category: 'release',
  kind: 'automatic',
  weight: 1,
  ...overrides,
});

describe('fixTemplateOfCheck', () => {
  const template = {
    templateRef: 'template:default/ask-deploy-gate',
    title: 'Ask the deploy gate before deploying',
  };

  it('gives the fix template of the first item the check evaluates that names one', () => {
    expect(
      fixTemplateOfCheck(
        {
          items: [
            item({
              id: 'a',
              check: 'slo-defined',
              fixTemplate: {
                templateRef: 'template:default/adopt-slos',
                title: 'Adopt SLOs',
              },
            }),
            item({ id: 'b', check: 'deploys-ask-gate' }),
            item({ id: 'c', check: 'deploys-ask-gate', fixTemplate: template }),
          ],
        },
        'deploys-ask-gate',
      ),
    ).toEqual(template);
  });

  it('gives nothing when no item of that check names a template', () => {
    expect(
      fixTemplateOfCheck(
        {
          items: [
            item({ check: 'deploys-ask-gate' }),
            item({ kind: 'self-assessed', fixTemplate: template }),
          ],
        },
        'deploys-ask-gate',
      ),
    ).toBeUndefined();
  });
});
