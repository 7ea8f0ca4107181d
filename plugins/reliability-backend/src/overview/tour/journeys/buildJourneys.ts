import { Entity } from '@backstage/catalog-model';
import {
  EntitySlo,
  reliabilityStateOf,
  RunbookEntry,
  SloDefinition,
  TourJourney,
  TourJourneySlo,
  TourJourneyStep,
} from '@internal/backstage-plugin-reliability-common';
import { relatedRef } from '../../serviceRows';
import { LoadedSummaries } from '../../sources';
import { systemOf } from '../buildTourGraph';
import { explainSlo } from '../explainSlo';
import { sloExplanations } from '../readingPath';
import { tourRunbooksOf } from '../runbookLinks';
import { LoadedJourney } from './JourneyReader';

/** The SLOs of the entities that declare journeys, or why they could not be read. */
export type DeclaringEntitySlos = Map<
  string,
  { slos: EntitySlo[] } | { error: string }
>;

/** What the journeys of a tour are built from, all loaded beforehand (no I/O here). */
export interface JourneyInput {
  journeys: LoadedJourney[];
  /** Catalog entities of the steps, by ref; missing ones are steps the catalog does not know. */
  entities: Map<string, Entity>;
  summaries: LoadedSummaries;
  sloDefinitions: Map<string, SloDefinition[]>;
  runbookIndex: Map<string, RunbookEntry[]>;
  declaringSlos: DeclaringEntitySlos;
}

function step(
  input: JourneyInput,
  entityRef: string,
  description: string,
): TourJourneyStep {
  const entity = input.entities.get(entityRef);
  const slo = input.summaries.slo.get(entityRef);
  const [kind, rest] = entityRef.split(':');
  return {
    entityRef,
    kind,
    title: entity
      ? entity.metadata.title ?? entity.metadata.name
      : rest.split('/').pop() ?? rest,
    description,
    found: Boolean(entity),
    system: entity ? systemOf(entity) : null,
    owner: entity
      ? relatedRef(
          entity.spec?.owner,
          'group',
          entity.metadata.namespace ?? 'default',
        )
      : null,
    state: reliabilityStateOf(slo),
    worstBudgetRemaining: slo?.worstBudgetRemaining ?? null,
    slos: sloExplanations(input.sloDefinitions.get(entityRef), slo),
    onCallPrimary: input.summaries.oncall.get(entityRef)?.primary ?? null,
    runbooks: entity
      ? tourRunbooksOf(entity, input.runbookIndex.get(entityRef))
      : [],
  };
}

function journeySlo(
  journey: LoadedJourney,
  declaringSlos: DeclaringEntitySlos,
): { slo: TourJourneySlo | null; sloProblem: string | null } {
  if (!journey.slo) {
    return { slo: null, sloProblem: null };
  }
  const loaded = declaringSlos.get(journey.entityRef);
  if (!loaded || 'error' in loaded) {
    return {
      slo: null,
      sloProblem: `The SLOs of ${journey.entityRef} could not be read${
        loaded ? `: ${loaded.error}` : ''
      }.`,
    };
  }
  const found = loaded.slos.find(
    ({ definition }) => definition.name === journey.slo,
  );
  if (!found) {
    return {
      slo: null,
      sloProblem: `${journey.entityRef} defines no SLO named '${journey.slo}' (see its slo-definitions annotation).`,
    };
  }
  const { definition, status } = found;
  const alerting =
    status?.alertState === 'page' || status?.alertState === 'ticket'
      ? status.alertState
      : null;
  return {
    slo: {
      name: definition.name,
      explanation: explainSlo(definition),
      state: status
        ? reliabilityStateOf({
            sloCount: 1,
            worstBudgetRemaining: status.budgetRemaining,
            alerting,
          })
        : 'unknown',
      budgetRemaining: status?.budgetRemaining ?? null,
      attainment: status?.attainment ?? null,
    },
    sloProblem: null,
  };
}

/**
 * The journeys of a tour, step by step: each step with its entity's state, SLOs (explained), on-call primary
 * and runbooks from the index; each journey with its own SLO (one of the declaring System's SLOs) when it
 * names one, or why that SLO cannot be shown.
 */
export function buildJourneys(input: JourneyInput): TourJourney[] {
  return input.journeys.map(journey => ({
    id: `${journey.entityRef}#${journey.name}`,
    name: journey.name,
    title: journey.title,
    description: journey.description,
    entityRef: journey.entityRef,
    source: journey.source,
    ...journeySlo(journey, input.declaringSlos),
    steps: journey.steps.map(s => step(input, s.entityRef, s.description)),
  }));
}
