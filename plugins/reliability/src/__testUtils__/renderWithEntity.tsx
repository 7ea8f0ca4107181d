import { Entity } from '@backstage/catalog-model';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { reliabilityApiRef } from '../api';

/**
 * Renders an entity card or tab in a test app: `entity` is the page's entity, `api` stands in for the reliability
 * API (a partial mock), and entity links resolve (the catalog entity route is mounted).
 */
export function renderWithEntity(
  entity: Entity,
  element: ReactElement,
  api: object,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
