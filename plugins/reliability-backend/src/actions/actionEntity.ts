import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { z } from 'zod/v3';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';

/** Longest entity reference accepted from an action's input. */
const MAX_ENTITY_REF_LENGTH = 600;

/** The `entityRef` input field of an action, described for a model. */
export function entityRefField(zod: typeof z, what: string) {
  return zod
    .string()
    .min(1)
    .max(MAX_ENTITY_REF_LENGTH)
    .describe(
      `${what} as a catalog entity reference "kind:namespace/name" (e.g. "component:default/checkout-api"). ` +
        'The kind and namespace may be left out ("checkout-api"); see each tool for the default kind.',
    );
}

/**
 * Turns an entity reference typed by a person or a model into the normalised ref (`kind:namespace/name`,
 * lower case), with `defaultKind` and the `default` namespace filled in. A malformed reference is an InputError.
 */
export function actionEntityRef(input: string, defaultKind: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(input.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `Invalid entity reference '${input}': ${(error as Error).message}`,
    );
  }
  return entityRefFromParams(parsed);
}

/**
 * Loads the entity an action names, with the caller's credentials: an entity the caller may not see is
 * reported exactly like a missing one (NotFoundError).
 */
export async function loadActionEntity(
  catalog: CatalogService,
  input: string,
  defaultKind: string,
  credentials: BackstageCredentials,
): Promise<{ entityRef: string; entity: Entity }> {
  const entityRef = actionEntityRef(input, defaultKind);
  const entity = await loadEntity(catalog, entityRef, credentials);
  return { entityRef, entity };
}
