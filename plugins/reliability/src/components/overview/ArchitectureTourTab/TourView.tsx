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
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { ReadingPath } from './ReadingPath';
import { TourLegend } from './TourLegend';
import { TourMap } from './TourMap';

/** The tour of one domain or system: its map (coloured by reliability, with a legend) and the reading path. */
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
  const { root, nodes, readingPath, truncated } = tour.value;
  return (
    <Grid container spacing={2}>
      {truncated && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title="Large scope: only part of it is drawn"
          />
        </Grid>
      )}
      <Grid item xs={12} lg={8}>
        <InfoCard
          title={`Map of ${root.title}`}
          subheader={
            root.description ??
            'How the parts fit together. Click a name to open its page.'
          }
        >
          {nodes.length <= 1 ? (
            <EmptyState
              missing="content"
              title="Nothing to draw yet"
              description="This entity has no parts in the catalog."
            />
          ) : (
            <>
              <TourLegend />
              <TourMap tour={tour.value} />
            </>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        <ReadingPath steps={readingPath} />
      </Grid>
    </Grid>
  );
}
