import { Link } from '@backstage/core-components';
import {
  EntityPostmortemsResponse,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatDate, formatDay, severityLabel } from '../incidentFormat';
import { useErrorTextClassName } from '../../ErrorText';
import { ActionItemOwner } from '../ActionItemOwner';

/**
 * What the loop still owes: incidents whose postmortem is due or overdue, open action items (overdue first),
 * and upcoming launches with or without a pre-mortem and their rollback procedures.
 */
export function PostmortemFollowUp(props: {
  postmortems: EntityPostmortemsResponse;
  documentLink: (id: string) => string;
}) {
  const { postmortems, documentLink } = props;
  const { missing, actionItems, launches } = postmortems;
  const errorText = useErrorTextClassName();
  return (
    <>
      {missing.length > 0 && (
        <Box mt={2} data-testid="missing-postmortems">
          <Typography variant="subtitle2" gutterBottom>
            Postmortems to write
          </Typography>
          {missing.map(incident => (
            <Typography
              key={`${incident.source}:${incident.id}`}
              variant="body2"
            >
              {incident.postmortem.state === 'overdue' ? 'Overdue' : 'Due'}
              {incident.postmortem.dueAt
                ? ` ${formatDay(incident.postmortem.dueAt)}`
                : ' once resolved'}
              : {severityLabel(incident.severity)} {incident.title} (
              {incident.id}, {formatDay(incident.startedAt)})
            </Typography>
          ))}
        </Box>
      )}
      {actionItems.length > 0 && (
        <Box mt={2} data-testid="action-items">
          <Typography variant="subtitle2" gutterBottom>
            Open action items ({postmortems.counts.overdueActionItems} overdue)
          </Typography>
          {actionItems.map(item => (
            <Typography
              key={`${item.postmortemId}:${item.title}`}
              variant="body2"
              {...(item.overdue
                ? { className: errorText }
                : { color: 'textPrimary' as const })}
            >
              {item.overdue ? 'Overdue: ' : ''}
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
              )}
              {item.owner && (
                <>
                  {' · '}
                  <ActionItemOwner owner={item.owner} />
                </>
              )}
              {item.due ? ` · due ${formatDate(item.due)}` : ''} ·{' '}
              <Link to={documentLink(item.postmortemId)}>
                {item.postmortemTitle}
              </Link>
            </Typography>
          ))}
        </Box>
      )}
      {launches.length > 0 && (
        <Box mt={2} data-testid="launches">
          <Typography variant="subtitle2" gutterBottom>
            Upcoming launches
          </Typography>
          {launches.map(launch => (
            <Typography key={launch.documentId} variant="body2">
              {formatDate(launch.date)}:{' '}
              <Link to={documentLink(launch.documentId)}>{launch.title}</Link>
              {launch.hasPremortem ? ' (pre-mortem)' : ' (no pre-mortem yet)'}
              {launch.rollbacks.length > 0 ? (
                <>
                  {' · rollback: '}
                  {launch.rollbacks.map((rollback, index) => (
                    <span key={rollback.id}>
                      {index > 0 && ', '}
                      <Link to={documentLink(rollback.id)}>
                        {rollback.title}
                      </Link>
                    </span>
                  ))}
                </>
              ) : (
                ' · no rollback procedure'
              )}
            </Typography>
          ))}
        </Box>
      )}
    </>
  );
}
