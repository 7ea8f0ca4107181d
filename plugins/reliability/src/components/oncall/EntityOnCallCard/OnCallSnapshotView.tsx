import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  OnCallShift,
  OnCallSnapshot,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import { Fragment } from 'react';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ResolvedRunbookLink } from '../../runbooks/useRunbookReferences';
import { EscalationRunbookLink } from '../EscalationRunbookLink';
import { formatUntil, formatWhen } from '../formatOnCallTime';
import { OnCallPersonName } from '../OnCallPersonName';
import { ErrorText } from '../../ErrorText';

const PROVIDER_NAMES: Record<string, string> = {
  'schedule-as-code': 'schedules as code',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
};

function shiftAt(shifts: OnCallShift[], level: number, now: number) {
  return shifts.find(
    s =>
      s.escalationLevel === level &&
      Date.parse(s.start) <= now &&
      // An unknown end (the provider did not say) means the shift is still on.
      (s.end === null || now < Date.parse(s.end)),
  );
}

/** "until <time> (in 3 hours)", or that the provider did not say when the shift ends. */
function untilText(end: string | null, now: Date): string {
  return end === null
    ? 'until an unknown time'
    : `until ${formatUntil(end, now)}`;
}

function contactHref(type: string, value: string): string | undefined {
  if (/^https?:\/\//.test(value)) return value;
  if (type === 'email' || value.includes('@')) return `mailto:${value}`;
  if (type === 'phone') return `tel:${value.replace(/\s+/g, '')}`;
  return undefined;
}

/** Who is on call now, until when, the next handoff, escalation, owner and contact of one snapshot. */
export function OnCallSnapshotView(props: {
  snapshot: OnCallSnapshot;
  owner?: string;
  now: Date;
  /** Resolves escalation-level runbook references (ids of the entity's runbooks or URLs). */
  resolveRunbook: (reference: string) => ResolvedRunbookLink;
}) {
  const { snapshot, owner, now, resolveRunbook } = props;
  const at = now.getTime();
  // A cached snapshot may be minutes old: take shifts that have started since from its upcoming list.
  const shifts = [...snapshot.current, ...snapshot.upcoming];
  const primary = shiftAt(shifts, 1, at);
  const secondary = shiftAt(shifts, 2, at);
  const secondaryPerson =
    secondary?.person ??
    snapshot.escalation
      .find(level => level.level === 2)
      ?.targets.find(target => target.person)?.person ??
    null;
  const nextHandoff = snapshot.upcoming.find(
    s => s.escalationLevel === 1 && Date.parse(s.start) > at,
  );
  const providerName = PROVIDER_NAMES[snapshot.provider] ?? snapshot.provider;

  return (
    <Box>
      <Typography variant="overline">Primary</Typography>
      {primary ? (
        <Typography data-testid="oncall-primary">
          <OnCallPersonName person={primary.person} />
          <br />
          <Typography variant="body2" component="span" color="textSecondary">
            on call {untilText(primary.end, now)}
          </Typography>
        </Typography>
      ) : (
        <ErrorText data-testid="oncall-primary">
          Nobody is scheduled at level 1 right now: a gap in the rotation.
        </ErrorText>
      )}

      <Typography variant="overline" component="p">
        Secondary
      </Typography>
      <Typography data-testid="oncall-secondary">
        {secondaryPerson ? (
          <>
            <OnCallPersonName person={secondaryPerson} />
            {secondary && (
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {' '}
                {untilText(secondary.end, now)}
              </Typography>
            )}
          </>
        ) : (
          'No second level'
        )}
      </Typography>

      <Typography variant="overline" component="p">
        Next handoff
      </Typography>
      <Typography data-testid="oncall-next">
        {nextHandoff ? (
          <>
            <OnCallPersonName person={nextHandoff.person} /> takes over{' '}
            {formatWhen(nextHandoff.start, now)}
          </>
        ) : (
          'No handoff within the schedule horizon'
        )}
      </Typography>

      {snapshot.escalation.length > 0 && (
        <>
          <Typography variant="overline" component="p">
            Escalation
          </Typography>
          <List dense disablePadding data-testid="oncall-escalation">
            {snapshot.escalation.map(level => (
              <ListItem key={level.level} disableGutters>
                <ListItemText
                  primary={
                    <>
                      Level {level.level}:{' '}
                      {level.targets.map((target, i) => (
                        <Fragment key={`${target.kind}:${target.name}:${i}`}>
                          {i > 0 && ', '}
                          {target.person ? (
                            <OnCallPersonName person={target.person} />
                          ) : (
                            target.name
                          )}
                        </Fragment>
                      ))}
                    </>
                  }
                  secondary={
                    <>
                      {typeof level.escalateAfterMinutes === 'number'
                        ? `escalates after ${level.escalateAfterMinutes} min`
                        : 'last level'}
                      {level.runbook && (
                        <>
                          {' · '}
                          <EscalationRunbookLink
                            reference={level.runbook}
                            resolved={resolveRunbook(level.runbook)}
                          />
                        </>
                      )}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        </>
      )}

      <Typography variant="overline" component="p">
        Owning team
      </Typography>
      <Typography>
        {owner ? (
          <EntityRefLink entityRef={owner} defaultKind="group" />
        ) : (
          'No owner'
        )}
      </Typography>

      {snapshot.contact && snapshot.contact.length > 0 && (
        <>
          <Typography variant="overline" component="p">
            How to contact
          </Typography>
          {snapshot.contact.map(c => {
            const href = contactHref(c.type, c.value);
            return (
              <Typography key={`${c.type}:${c.value}`} variant="body2">
                {c.type}:{' '}
                {href ? (
                  <Link href={href} underline="always">
                    {c.value}
                  </Link>
                ) : (
                  c.value
                )}
              </Typography>
            );
          })}
        </>
      )}

      <Box mt={2}>
        <Typography variant="caption" color="textSecondary">
          Source: {providerName}
          {isHttpUrl(snapshot.externalUrl) && (
            <>
              {' · '}
              <Link
                href={snapshot.externalUrl!}
                target="_blank"
                rel="noopener"
                underline="always"
              >
                Open in {providerName}
              </Link>
            </>
          )}
        </Typography>
      </Box>
    </Box>
  );
}
