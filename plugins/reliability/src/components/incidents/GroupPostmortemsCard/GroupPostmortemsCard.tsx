import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  IncidentFollowUpResponse,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { useErrorTextClassName } from '../../ErrorText';
import { ActionItemOwner } from '../ActionItemOwner';
import {
  formatDate,
  formatDay,
  POSTMORTEM_STATE_LABEL,
  severityLabel,
} from '../incidentFormat';

const TITLE = 'Postmortems and action items';

function MissingTable(props: { missing: IncidentFollowUpResponse['missing'] }) {
  const errorText = useErrorTextClassName();
  return (
    <WholeWordsTable size="small" aria-label="Postmortems to write">
      <TableHead>
        <TableRow>
          <TableCell>Incident</TableCell>
          <TableCell>Service</TableCell>
          <TableCell>Postmortem</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.missing.map(({ entityRef, incident }) => (
          <TableRow key={`${entityRef}:${incident.source}:${incident.id}`}>
            <TableCell>
              {severityLabel(incident.severity)} {incident.title} ({incident.id}
              , {formatDay(incident.startedAt)})
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={entityRef} />
            </TableCell>
            <TableCell
              {...(incident.postmortem.state === 'overdue'
                ? { className: errorText }
                : {})}
            >
              {POSTMORTEM_STATE_LABEL[incident.postmortem.state]}
              {incident.postmortem.dueAt
                ? ` ${formatDay(incident.postmortem.dueAt)}`
                : ' once resolved'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}

function ActionItemsTable(props: {
  actionItems: IncidentFollowUpResponse['actionItems'];
}) {
  const errorText = useErrorTextClassName();
  return (
    <WholeWordsTable size="small" aria-label="Open action items">
      <TableHead>
        <TableRow>
          <TableCell>Action item</TableCell>
          <TableCell>Service</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Due</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.actionItems.map(({ entityRef, item }) => (
          <TableRow
            key={`${entityRef}:${item.postmortemId}:${item.title}`}
            data-testid={item.overdue ? 'overdue-action-item' : undefined}
          >
            <TableCell>
              {isHttpUrl(item.issue) ? (
                <Link
                  to={item.issue!}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {item.title}
                </Link>
              ) : (
                item.title
              )}{' '}
              ({item.postmortemTitle})
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={entityRef} />
            </TableCell>
            <TableCell>
              <ActionItemOwner owner={item.owner} />
            </TableCell>
            <TableCell {...(item.overdue ? { className: errorText } : {})}>
              {item.overdue ? 'Overdue: ' : ''}
              {formatDate(item.due)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}

/**
 * Card for a group: what the team's incidents still owe: incidents of its services whose postmortem is due or
 * overdue, and the open action items of its postmortems, overdue first.
 */
export function GroupPostmortemsCard() {
  const { value, loading, error } = useEntityReliability((api, groupRef) =>
    api.getIncidentFollowUp({ owner: stringifyEntityRef(groupRef) }),
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error ?? new Error('No response')} />
      </InfoCard>
    );
  }
  const { counts, postmortemPolicy: policy } = value;
  const subheader = `Incidents of ${severityLabel(
    policy.severity,
  )} or worse need a postmortem within ${policy.businessDays} business days`;
  if (value.missing.length === 0 && value.actionItems.length === 0) {
    return (
      <InfoCard title={TITLE} subheader={subheader}>
        <EmptyState
          missing="content"
          title={
            value.entities.length === 0
              ? 'No incidents for this team in the last 90 days'
              : 'Nothing owed: every postmortem is written and no action item is open'
          }
          description="Incidents come from PagerDuty, Opsgenie or tools posting to the incidents API; postmortems are runbook documents of kind postmortem that name their incidents."
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title={TITLE} subheader={subheader}>
      <Typography variant="body2" data-testid="follow-up-counts">
        {counts.postmortemsOverdue} postmortem
        {counts.postmortemsOverdue === 1 ? '' : 's'} overdue,{' '}
        {counts.postmortemsDue} due · {counts.overdueActionItems} of{' '}
        {counts.openActionItems} open action item
        {counts.openActionItems === 1 ? '' : 's'} overdue
      </Typography>
      {value.missing.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" gutterBottom>
            Postmortems to write
          </Typography>
          <MissingTable missing={value.missing} />
        </Box>
      )}
      {value.actionItems.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" gutterBottom>
            Open action items
          </Typography>
          <ActionItemsTable actionItems={value.actionItems} />
        </Box>
      )}
    </InfoCard>
  );
}
