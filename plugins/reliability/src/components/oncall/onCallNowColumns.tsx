import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GroupOnCallEntity } from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { formatAbsolute, formatRelative } from './formatOnCallTime';
import { OnCallPersonName } from './OnCallPersonName';
import { ErrorText } from '../ErrorText';
import { PlainTableColumn } from '../PlainTable';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Columns of an "on call now" table of a team's services: service, primary and until when, secondary,
 * rotation size (single-person rotations flagged) and where the data comes from (failed providers flagged).
 * A person's email goes under their name and a shift's end wraps between its date, its time and how far off, so
 * the table needs little more than its longest email and date. `compact` keeps the first three (for narrow cards);
 * `withoutSource` leaves out where the data comes from (for a half-width card that names failed providers above
 * its table).
 */
export function onCallNowColumns<T extends GroupOnCallEntity>(
  now: Date,
  options: { compact?: boolean; withoutSource?: boolean } = {},
): PlainTableColumn<T>[] {
  const columns: PlainTableColumn<T>[] = [
    {
      title: 'Service',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Primary now',
      render: row => <OnCallPersonName person={row.primary} stacked />,
    },
    {
      title: 'Until',
      // The day, the time and how far off, each kept on one line ("Wed, Dec 2," "08:00 UTC" "(in 3 hours)"): never
      // a word a line in a squeezed column.
      render: row => {
        const absolute = formatAbsolute(row.primaryUntil);
        if (absolute === '—') return absolute;
        const cut = absolute.lastIndexOf(', ');
        return (
          <>
            {cut > 0 ? (
              <>
                <span style={NO_WRAP}>{absolute.slice(0, cut + 1)}</span>{' '}
                <span style={NO_WRAP}>{absolute.slice(cut + 2)}</span>
              </>
            ) : (
              <span style={NO_WRAP}>{absolute}</span>
            )}{' '}
            <span style={NO_WRAP}>
              ({formatRelative(row.primaryUntil, now)})
            </span>
          </>
        );
      },
    },
    {
      title: 'Secondary',
      render: row => <OnCallPersonName person={row.secondary} stacked />,
    },
    {
      title: 'Rotation',
      render: row => {
        if (row.singlePersonRotation) {
          return (
            <Tooltip title="Nobody to hand over to: holidays and sick days leave the service uncovered">
              <Chip
                size="small"
                color="secondary"
                label="single person"
                data-testid={`single-person-${row.entityRef}`}
              />
            </Tooltip>
          );
        }
        return row.primaryRotationSize > 0
          ? `${row.primaryRotationSize} people`
          : '—';
      },
    },
    {
      title: 'Source',
      render: row =>
        row.status === 'error' ? (
          <Tooltip title={row.message ?? ''}>
            <ErrorText variant="body2">
              {row.provider ?? 'provider'} failed
              {row.primary ? ' (last known)' : ''}
            </ErrorText>
          </Tooltip>
        ) : (
          row.provider ?? '—'
        ),
    },
  ];
  if (options.compact) return columns.slice(0, 3);
  return options.withoutSource
    ? columns.filter(column => column.title !== 'Source')
    : columns;
}
