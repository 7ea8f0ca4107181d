import { stringifyEntityRef } from '@backstage/catalog-model';
import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../hooks';
import { describePagesPerShift, pagesPerShift } from './pagesPerShift';

/** Loads the group's pages (alerts area) and sets them against its on-call load. */
export function usePagesPerShift(
  load: OnCallPersonLoad[],
  loadWindow: { from: string; to: string },
) {
  const state = useEntityReliability((api, groupRef) =>
    api.getAlertsCoverage({ owner: stringifyEntityRef(groupRef) }),
  );
  return {
    ...state,
    rate: state.value
      ? pagesPerShift(state.value.pages, load, loadWindow)
      : null,
    pagingAlerts: state.value?.pages?.pagingAlerts ?? 0,
  };
}

/**
 * "31 pages in the last 30 days: about 3 pages per on-call shift. The team's rotations run about 10 shifts in 30
 * days (…)", or why there is no figure.
 */
export function PagesPerShiftText(props: {
  rate: ReturnType<typeof pagesPerShift>;
  pagingAlerts: number;
  variant?: 'body1' | 'body2';
}) {
  const { rate, pagingAlerts, variant } = props;
  if (!rate || pagingAlerts === 0) {
    return (
      <Typography variant={variant ?? 'body1'} data-testid="pages-per-shift">
        No paging alert maps to this team's services yet.
      </Typography>
    );
  }
  const text = describePagesPerShift(rate);
  return (
    <Typography variant={variant ?? 'body1'} data-testid="pages-per-shift">
      {text.frequency === null
        ? `${text.pages}; no on-call shift recorded.`
        : `${text.pages}: ${text.frequency}. ${text.shifts}`}
    </Typography>
  );
}
