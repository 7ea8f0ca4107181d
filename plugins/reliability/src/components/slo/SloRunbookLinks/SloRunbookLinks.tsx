import { Link } from '@backstage/core-components';
import {
  LinkedRunbook,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { SloRunbooks } from '../useSloRunbooks';
import { ErrorText } from '../../ErrorText';
import { saysRunbook } from '../../runbooks/runbookFormat';

function runbookLabel(runbook: LinkedRunbook): string {
  if (runbook.title) return runbook.title;
  if (runbook.url) {
    try {
      return `Runbook (${new URL(runbook.url).hostname})`;
    } catch {
      return 'Runbook';
    }
  }
  return runbook.id ?? 'Runbook';
}

function RunbookList(props: {
  runbooks: LinkedRunbook[];
  hrefFor: SloRunbooks['hrefFor'];
}) {
  return (
    <>
      {props.runbooks.map((runbook, i) => {
        const href = props.hrefFor(runbook);
        const label = runbookLabel(runbook);
        return (
          <Fragment key={`${runbook.id ?? runbook.url}-${i}`}>
            {i > 0 && ', '}
            {href ? (
              // Underlined: in a line of text, colour alone would not set the link apart (WCAG 1.4.1).
              <Link to={href} variant="caption" underline="always">
                {label}
              </Link>
            ) : (
              label
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * The runbooks answering an SLO and each of its alert policies, linked to the Runbooks tab (the entity's
 * Markdown runbooks) or to their URL; the same links the runbooks card counts as coverage.
 */
export function SloRunbookLinks(props: {
  slo: SloDefinition;
  runbooks: SloRunbooks;
}) {
  const { slo, runbooks } = props;
  const links = runbooks.linksFor(slo);
  if (!links) {
    return (
      <Typography variant="caption" color="textSecondary">
        Looking up runbooks…
      </Typography>
    );
  }
  const anyLinked =
    links.runbooks.length > 0 || links.alerts.some(a => a.runbooks.length > 0);
  const policyTitle = new Map(
    slo.alertPolicies.map(p => [p.name, p.displayName ?? p.name]),
  );
  return (
    <Box data-testid={`slo-runbooks-${slo.name}`}>
      <Typography variant="caption" component="div">
        {links.runbooks.length > 0 ? (
          <>
            {/* A list of titles that each say "Runbook…" needs no label of its own. */}
            {!links.runbooks.every(r => saysRunbook(r.title)) && 'Runbook: '}
            <RunbookList runbooks={links.runbooks} hrefFor={runbooks.hrefFor} />
          </>
        ) : (
          <Typography variant="caption" color="textSecondary">
            {anyLinked
              ? 'No runbook for the SLO as a whole'
              : 'No runbook linked'}
          </Typography>
        )}
        {links.problem && (
          <ErrorText variant="caption"> ({links.problem})</ErrorText>
        )}
      </Typography>
      {links.alerts.map(alert => (
        <Typography
          key={alert.alert}
          variant="caption"
          component="div"
          color={alert.runbooks.length > 0 ? 'textPrimary' : 'textSecondary'}
        >
          Alert {policyTitle.get(alert.alert) ?? alert.alert}:{' '}
          {alert.runbooks.length > 0 ? (
            <RunbookList runbooks={alert.runbooks} hrefFor={runbooks.hrefFor} />
          ) : (
            'no runbook'
          )}
          {alert.problem && (
            <ErrorText variant="caption"> ({alert.problem})</ErrorText>
          )}
        </Typography>
      ))}
      {runbooks.error && (
        <Typography variant="caption" color="textSecondary" component="div">
          Could not load the entity's runbooks: only runbook URLs are linked.
        </Typography>
      )}
    </Box>
  );
}
