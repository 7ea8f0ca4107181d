import Typography from '@material-ui/core/Typography';
import { formatWhen } from '../policyFormat';

/**
 * Says that a policy state is only kept, and until when: its rule's condition no longer holds, and the policy
 * keeps the state for a while after it clears (the rule's `keepFor`) so a burn that stops and starts again does
 * not flip deploys back and forth.
 */
export function KeptUntilText(props: {
  keptUntil: string;
  variant: 'body2' | 'caption';
}) {
  return (
    <Typography
      variant={props.variant}
      color="textSecondary"
      component="div"
      title="The condition of this state's rule no longer holds; the policy keeps the state for a while after it clears, so a burn that stops and starts again does not flip deploys back and forth."
    >
      kept until {formatWhen(props.keptUntil)} unless its condition holds again
    </Typography>
  );
}
