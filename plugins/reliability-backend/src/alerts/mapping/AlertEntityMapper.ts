import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AlertSelectorTerm,
  entityRefKey,
  matchesAlertSelector,
  parseAlertSelector,
} from '@internal/backstage-plugin-reliability-common';

/** The kinds whose names the mapping label may name without a kind. */
const NAMED_KINDS = ['component', 'resource'];

/** A selector annotation that could not be read. */
export interface SelectorProblem {
  entityRef: string;
  error: string;
}

/**
 * Maps an alert to the catalog entities it belongs to, from its labels: the mapping label (default `service`)
 * names an entity, either by ref (`resource:default/orders-db`) or by name (a Component or Resource of that name,
 * any namespace; case-insensitive); and every entity whose alert-selector annotation matches the labels owns it
 * too. Built from one walk over the catalog per refresh.
 */
export class AlertEntityMapper {
  private readonly refs = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  private readonly selectors: Array<{
    entityRef: string;
    terms: AlertSelectorTerm[];
  }> = [];
  readonly problems: SelectorProblem[] = [];

  constructor(private readonly options: { label: string }) {}

  /** Adds catalog entities to what the mapper knows. */
  add(entities: Iterable<Entity>): void {
    for (const entity of entities) {
      const ref = entityRefKey(entity);
      this.refs.add(ref);
      if (NAMED_KINDS.includes(entity.kind.toLowerCase())) {
        const name = entity.metadata.name.toLowerCase();
        this.byName.set(name, [...(this.byName.get(name) ?? []), ref]);
      }
      const selector =
        entity.metadata.annotations?.[ANNOTATIONS.alertSelector]?.trim();
      if (selector) {
        try {
          this.selectors.push({
            entityRef: ref,
            terms: parseAlertSelector(selector),
          });
        } catch (error) {
          this.problems.push({
            entityRef: ref,
            error: `Invalid ${ANNOTATIONS.alertSelector}: ${
              error instanceof Error ? error.message : String(error)
            }`,
          });
        }
      }
    }
  }

  /** The entities the labels map to, sorted; empty when no entity owns the alert. */
  entitiesOf(labels: Readonly<Record<string, string>>): string[] {
    const found = new Set<string>();
    const value = labels[this.options.label]?.trim();
    if (value) {
      for (const ref of this.named(value)) found.add(ref);
    }
    for (const { entityRef, terms } of this.selectors) {
      if (matchesAlertSelector(labels, terms)) found.add(entityRef);
    }
    return [...found].sort();
  }

  private named(value: string): string[] {
    if (value.includes(':')) {
      try {
        const ref = entityRefKey(parseEntityRef(value));
        return this.refs.has(ref) ? [ref] : [];
      } catch {
        return [];
      }
    }
    return this.byName.get(value.toLowerCase()) ?? [];
  }
}
