import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CampaignServiceProgress,
  CampaignTeamProgress,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import {
  compareBy,
  countColumn,
  PlainTableColumn,
  PlainTableFilterOptions,
} from '../../PlainTable';
import { itemTitle, refName } from '../campaignFormat';

const teamName = (team: string) =>
  team === 'unassigned' ? 'no owner' : refName(team);

/** Columns of a campaign's progress per team; each sorts on the client (progress by the share done). */
export const teamColumns: PlainTableColumn<CampaignTeamProgress>[] = [
  {
    title: 'Team',
    sort: compareBy(t => teamName(t.team)),
    render: t =>
      t.team === 'unassigned' ? (
        teamName(t.team)
      ) : (
        <EntityRefLink entityRef={t.team} defaultKind="group" />
      ),
  },
  countColumn('Services', t => t.services),
  countColumn('Done', t => t.done),
  {
    title: 'Progress',
    sort: compareBy(t => (t.services > 0 ? t.done / t.services : 0)),
    render: t => (
      <LinearProgress
        variant="determinate"
        value={t.services > 0 ? (100 * t.done) / t.services : 0}
        aria-label={`${teamName(t.team)}: ${t.done} of ${t.services} done`}
      />
    ),
  },
];

const whatIsLeft = (s: CampaignServiceProgress, checklist?: Checklist) =>
  s.done ? '—' : s.left.map(id => itemTitle(checklist, id)).join(', ');

/**
 * Columns of a campaign's services in scope: service, team and status (done first, then the fewest items left)
 * sort on the client.
 */
export function serviceColumns(
  checklist?: Checklist,
): PlainTableColumn<CampaignServiceProgress>[] {
  return [
    {
      title: 'Service',
      sort: compareBy(s => refName(s.entityRef)),
      render: s => <EntityRefLink entityRef={s.entityRef} />,
    },
    {
      title: 'Team',
      sort: compareBy(s => refName(s.owner)),
      render: s => refName(s.owner),
    },
    {
      title: 'Status',
      sort: compareBy(s => (s.done ? -1 : s.left.length)),
      render: s => (
        <Chip
          size="small"
          label={s.done ? 'Done' : `${s.left.length} left`}
          color={s.done ? 'primary' : 'default'}
        />
      ),
    },
    { title: 'What is left', render: s => whatIsLeft(s, checklist) },
  ];
}

/** Finds a service in scope by its name, its team or what it has left. */
export function serviceFilter(
  checklist?: Checklist,
): PlainTableFilterOptions<CampaignServiceProgress> {
  return {
    label: 'Filter services',
    text: s => [s.entityRef, s.owner, whatIsLeft(s, checklist)].join(' '),
  };
}
