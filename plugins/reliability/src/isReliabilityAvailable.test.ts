import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { isReliabilityAvailable } from './isReliabilityAvailable';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
});

describe('isReliabilityAvailable', () => {
  it('shows the reliability tab on components, systems and resources', () => {
    expect(isReliabilityAvailable(entity('Component'))).toBe(true);
    expect(isReliabilityAvailable(entity('System'))).toBe(true);
    expect(isReliabilityAvailable(entity('Resource'))).toBe(true);
    expect(isReliabilityAvailable(entity('Domain'))).toBe(false);
    expect(isReliabilityAvailable(entity('Group'))).toBe(false);
  });

  it('shows it on any entity that declares SLOs, such as a domain with journey SLOs', () => {
    expect(
      isReliabilityAvailable(
        entity('Domain', { [ANNOTATIONS.sloDefinitions]: './slos.yaml' }),
      ),
    ).toBe(true);
    expect(
      isReliabilityAvailable(
        entity('Domain', { [ANNOTATIONS.sloInline]: ' ' }),
      ),
    ).toBe(false);
  });
});
