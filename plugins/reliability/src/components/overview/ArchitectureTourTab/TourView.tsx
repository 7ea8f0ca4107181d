import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { ArchitectureTour } from '@internal/backstage-plugin-reliability-common';
import { useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { BlastRadiusPanel } from '../BlastRadius';
import { collapseTourGraph } from './collapseTourGraph';
import { JourneyPanel } from './JourneyPanel';
import { MapToolbar } from './MapToolbar';
import { ReadingPath } from './ReadingPath';
import { TourLegend } from './TourLegend';
import { TourMap } from './TourMap';
import {
  TOUR_FAILING_PARAM,
  TOUR_JOURNEY_PARAM,
  useQueryParam,
} from './useEntityQueryParam';

/** The map of a loaded tour with its expand state, the journey walk and the reading path. */
function LoadedTour(props: { tour: ArchitectureTour }) {
  const { tour } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // A learning path links to a journey with `?journey=<name>`: it opens selected.
  const [journeyParam] = useQueryParam(TOUR_JOURNEY_PARAM);
  const [journeyId, setJourneyId] = useState<string | undefined>(
    () => tour.journeys.find(j => j.name === journeyParam)?.id,
  );
  const [step, setStep] = useState(0);
  const [failing, setFailing] = useQueryParam(TOUR_FAILING_PARAM);
  const journey = tour.journeys.find(j => j.id === journeyId);
  const showBlastRadius = useCallback(
    (entityRef: string) => {
      setFailing(entityRef);
      document
        .getElementById('blast-radius')
        ?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    },
    [setFailing],
  );

  const graph = useMemo(
    () =>
      collapseTourGraph(
        tour,
        expanded,
        journey ? { journey, step } : undefined,
      ),
    [tour, expanded, journey, step],
  );
  const toggleSystem = useCallback(
    (systemRef: string) =>
      setExpanded(current => {
        const next = new Set(current);
        if (next.has(systemRef)) next.delete(systemRef);
        else next.add(systemRef);
        return next;
      }),
    [],
  );
  const actions = useMemo(
    () => ({ toggleSystem, journeySelected: Boolean(journey) }),
    [toggleSystem, journey],
  );
  const selectJourney = (id: string | undefined) => {
    setJourneyId(id);
    setStep(0);
  };

  return (
    <Grid container spacing={2}>
      {tour.truncated && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title="Large scope: only part of it is drawn"
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title={`Map of ${tour.root.title}`}
          subheader={
            tour.root.description ??
            'How the parts fit together. Click a name to open its page.'
          }
        >
          {tour.nodes.length <= 1 ? (
            <EmptyState
              missing="content"
              title="Nothing to draw yet"
              description="This entity has no parts in the catalog."
            />
          ) : (
            <>
              <TourLegend />
              <MapToolbar
                tour={tour}
                expanded={expanded}
                journey={journey}
                onChange={setExpanded}
              />
              <TourMap
                nodes={graph.nodes}
                edges={graph.edges}
                actions={actions}
              />
            </>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <JourneyPanel
          journeys={tour.journeys}
          problems={tour.journeyProblems}
          selected={journey}
          step={step}
          outsideSteps={graph.outsideSteps}
          onSelect={selectJourney}
          onStep={setStep}
          onBlastRadius={showBlastRadius}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ReadingPath steps={tour.readingPath} onBlastRadius={showBlastRadius} />
      </Grid>
      <Grid item xs={12}>
        <BlastRadiusPanel entityRef={failing} onChange={setFailing} />
      </Grid>
    </Grid>
  );
}

/**
 * The tour of one domain or system: its map (coloured by reliability, with a legend), journeys, reading path
 * and the blast radius of a component (`?failing=`).
 */
export function TourView(props: { entityRef: string }) {
  const api = useApi(reliabilityApiRef);
  const tour = useAsync(async () => {
    const ref = parseEntityRef(props.entityRef);
    return ref.kind === 'domain'
      ? api.getDomainTour(ref)
      : api.getSystemTour(ref);
  }, [api, props.entityRef]);

  if (tour.loading) {
    return <Progress />;
  }
  if (tour.error) {
    return (
      <ResponseErrorPanel
        title="The tour could not be loaded"
        error={tour.error}
      />
    );
  }
  if (!tour.value) {
    return null;
  }
  return <LoadedTour key={props.entityRef} tour={tour.value} />;
}
