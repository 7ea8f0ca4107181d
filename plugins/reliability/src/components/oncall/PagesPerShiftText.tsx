import { stringifyEntityRef } from '@backstage/catalog-model';
import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../hooks';
import { pagesPerShift } from './pagesPerShift';

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

/** "31 pages in 30 days · 3.0 per on-call shift (…)", or why there is no figure. */
export function PagesPerShiftText(props: {
  rate: ReturnType<typeof pagesPerShift>;
  pagingAlerts: number;
  variant?: 'body1' | 'body2';
}) {
  const { rate, pagingAlerts, variant } = props;
  return (
    <Typography variant={variant ?? 'body1'} data-testid="pages-per-shift">
      {!rate || pagingAlerts === 0
        ? "No paging alert maps to this team's services yet."
        : `${rate.pages} page${rate.pages === 1 ? '' : 's'} in ${
            rate.windowDays
          } days · ${
            rate.perShift === null
              ? 'no on-call shift recorded'
              : `${rate.perShift.toFixed(
                  1,
                )} per on-call shift (${rate.shifts.toFixed(1)} shifts in ${
                  rate.windowDays
                } days at the load's rate; every escalation level counts)`
          }`}
    </Typography>
  );
}
