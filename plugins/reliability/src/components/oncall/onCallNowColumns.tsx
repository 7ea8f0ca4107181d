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
 * `compact` keeps the first three (for narrow cards).
 */
export function onCallNowColumns<T extends GroupOnCallEntity>(
  now: Date,
  options: { compact?: boolean } = {},
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
      render: row => <OnCallPersonName person={row.primary} />,
    },
    {
      title: 'Until',
      // The time on one line and how far off below it, not a word a line in a squeezed column.
      render: row => {
        const absolute = formatAbsolute(row.primaryUntil);
        if (absolute === '—') return absolute;
        return (
          <>
            <span style={NO_WRAP}>{absolute}</span>{' '}
            <span style={NO_WRAP}>
              ({formatRelative(row.primaryUntil, now)})
            </span>
          </>
        );
      },
    },
    {
      title: 'Secondary',
      render: row => <OnCallPersonName person={row.secondary} />,
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
  return options.compact ? columns.slice(0, 3) : columns;
}
