import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useRunbookLinks } from '../../runbooks/useRunbookLinks';
import { severityLabel } from '../incidentFormat';
import { useEntityIncidents } from '../useEntityIncidents';
import { IncidentsTable } from './IncidentsTable';
import { PostmortemFollowUp } from './PostmortemFollowUp';
import { ResponseTimesTable } from './ResponseTimesTable';

/** Incidents listed on the card; the response times cover all of them. */
const SHOWN_INCIDENTS = 10;

/**
 * Incidents and postmortems of the entity (Reliability tab): MTTA and MTTR per severity over the last 90 days,
 * the recent incidents with their postmortem, postmortems to write (due and overdue), open action items and
 * upcoming launches. A failing incident source is named, beside the incidents it gave before.
 */
export function EntityIncidentsCard() {
  const { value, error } = useEntityIncidents();
  const { idLink: documentLink } = useRunbookLinks();
  const title = 'Incidents and postmortems';
  if (error) {
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  const { incidents, postmortems } = value;
  const policy = incidents.postmortemPolicy;
  const sources = incidents.sources.map(s => s.label).join(', ');
  const subheader = `Last ${incidents.windowDays} days${
    sources ? ` from ${sources}` : ''
  } · postmortems for ${severityLabel(policy.severity)} and worse within ${
    policy.businessDays
  } business days (${policy.timeZone})`;
  const empty =
    incidents.incidents.length === 0 &&
    postmortems.postmortems.length === 0 &&
    postmortems.launches.length === 0;
  const open = incidents.incidents.filter(i => i.status !== 'resolved').length;
  return (
    <InfoCard title={title} subheader={subheader}>
      {incidents.sources
        .filter(source => source.error)
        .map(source => (
          <WarningPanel
            key={source.source}
            severity="warning"
            title={`Incidents from ${source.label} could not be read; showing those read before`}
            message={source.error}
          />
        ))}
      {postmortems.problems.map(problem => (
        <WarningPanel
          key={problem.title}
          severity="warning"
          title={`Could not read ${problem.title}`}
          message={problem.error}
        />
      ))}
      {empty ? (
        <EmptyState
          missing="content"
          title="No incidents in the last 90 days"
          description={`Incidents come from PagerDuty (${ANNOTATIONS.pagerDutyServiceId}), Opsgenie (${ANNOTATIONS.opsgenieTeam}) or any tool posting to the incidents API; postmortems are runbooks of kind postmortem naming their incidents.`}
        />
      ) : (
        <>
          <Box mb={1}>
            <Typography variant="body2" data-testid="incident-counts">
              {incidents.incidents.length} incident
              {incidents.incidents.length === 1 ? '' : 's'}
              {open > 0 ? `, ${open} open` : ''} ·{' '}
              {postmortems.counts.postmortemsOverdue} postmortem
              {postmortems.counts.postmortemsOverdue === 1
                ? ''
                : 's'} overdue, {postmortems.counts.postmortemsDue} due
            </Typography>
          </Box>
          {incidents.bySeverity.length > 0 && (
            <ResponseTimesTable rows={incidents.bySeverity} />
          )}
          {incidents.incidents.length > 0 && (
            <Box mt={2}>
              <IncidentsTable
                incidents={incidents.incidents.slice(0, SHOWN_INCIDENTS)}
                documentLink={documentLink}
              />
            </Box>
          )}
          <PostmortemFollowUp
            postmortems={postmortems}
            documentLink={documentLink}
          />
        </>
      )}
    </InfoCard>
  );
}
