import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { titledRunbook } from '../runbooks/runbookFormat';
import { ResolvedRunbookLink } from '../runbooks/useRunbookReferences';

/** The runbook of an escalation level: its title (entity runbooks) or "Runbook", linked; problems in words. */
export function EscalationRunbookLink(props: {
  reference: string;
  resolved: ResolvedRunbookLink;
}) {
  const { reference, resolved } = props;
  const label = resolved.title ? titledRunbook(resolved.title) : 'Runbook';
  if (resolved.href) {
    const external = /^https?:\/\//i.test(resolved.href);
    return (
      <Link
        href={resolved.href}
        underline="always"
        {...(external ? { target: '_blank', rel: 'noopener' } : {})}
      >
        {label}
      </Link>
    );
  }
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      Runbook <code>{reference}</code>
      {resolved.problem ? ` (${resolved.problem})` : ''}
    </Typography>
  );
}
