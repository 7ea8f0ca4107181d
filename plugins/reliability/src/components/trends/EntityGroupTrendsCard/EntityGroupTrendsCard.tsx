import { useEntity } from '@backstage/plugin-catalog-react';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { MaturityTrendChart } from '../MaturityTrendChart';

/**
 * Card for a group: the maturity of the services the team owns over time, and the share of its SLOs meeting
 * target per SLO window, from the daily snapshots.
 */
export function EntityGroupTrendsCard() {
  const { entity } = useEntity();
  return (
    <MaturityTrendChart
      scope="team"
      entityRef={entityRefKey(entity)}
      title="Team reliability trend"
    />
  );
}
