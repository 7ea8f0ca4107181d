import { Entity } from '@backstage/catalog-model';
import { hasRunbooks } from './hasRunbooks';

const base: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
};

describe('hasRunbooks', () => {
  it('is true with the annotation or a runbook link', () => {
    expect(
      hasRunbooks({
        ...base,
        metadata: {
          name: 'x',
          annotations: { 'reliability.sre-portal.dev/runbooks': 'runbooks/' },
        },
      }),
    ).toBe(true);
    expect(
      hasRunbooks({
        ...base,
        metadata: {
          name: 'x',
          links: [{ url: 'https://w.example', type: 'runbook' }],
        },
      }),
    ).toBe(true);
  });

  it('is false otherwise', () => {
    expect(hasRunbooks(base)).toBe(false);
    expect(
      hasRunbooks({
        ...base,
        metadata: {
          name: 'x',
          annotations: { 'reliability.sre-portal.dev/runbooks': ' ' },
          links: [{ url: 'https://w.example', type: 'docs' }],
        },
      }),
    ).toBe(false);
  });
});
