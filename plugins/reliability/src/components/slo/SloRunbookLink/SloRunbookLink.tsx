import { Link } from '@backstage/core-components';
import { EntitySlo } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';

/** The runbook an SLO (or the first of its alert policies) names. */
export function sloRunbook(slo: EntitySlo): string | undefined {
  return (
    slo.definition.runbook ??
    slo.definition.alertPolicies.find(policy => policy.runbook)?.runbook
  );
}

/** Link to an SLO's runbook: external URLs open directly; runbook ids refer to the entity's Runbooks tab. */
export function SloRunbookLink(props: { slo: EntitySlo }) {
  const runbook = sloRunbook(props.slo);
  if (!runbook) {
    return (
      <Typography variant="caption" color="textSecondary">
        No runbook linked
      </Typography>
    );
  }
  if (/^https?:\/\//i.test(runbook)) {
    return (
      <Link to={runbook} variant="caption">
        Runbook
      </Link>
    );
  }
  return (
    <Typography variant="caption">
      Runbook <code>{runbook}</code> (Runbooks tab)
    </Typography>
  );
}
