import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TeamFollowUp } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { compareBy, countColumn, PlainTableColumn } from '../../PlainTable';

/** Columns of the postmortem follow-up by team: who, then what is overdue or open, and how much they run. */
export const followUpColumns: PlainTableColumn<TeamFollowUp>[] = [
  {
    title: 'Team',
    sort: compareBy(team => team.ownerRef),
    render: team =>
      team.ownerRef ? (
        <EntityRefLink entityRef={team.ownerRef} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no owner
        </Typography>
      ),
  },
  countColumn('Overdue action items', team => team.overdueActionItems),
  countColumn('Open action items', team => team.openActionItems),
  countColumn('Overdue postmortems', team => team.postmortemsOverdue),
  countColumn('Postmortems due', team => team.postmortemsDue),
  countColumn('Incidents (90 days)', team => team.incidents),
  countColumn('Services', team => team.entities),
];
