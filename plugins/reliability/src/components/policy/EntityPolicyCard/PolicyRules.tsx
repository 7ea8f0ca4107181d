import {
  describeKeepFor,
  describePolicyCondition,
  ErrorBudgetPolicy,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useState } from 'react';
import { PolicyStateChip } from '../PolicyStateChip';
import { DECISION_LABEL } from '../policyFormat';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  rule: { marginBottom: theme.spacing(1.5) },
  current: { fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * The entity's error-budget policy as the team agreed it, behind a toggle: each rule in order (the first that holds
 * for an SLO decides), when it applies, what it means for deploys, how long it is kept after it clears, and what
 * the team does; the rule the service is in now is marked.
 */
export function PolicyRules(props: {
  policy: ErrorBudgetPolicy;
  /** The rule the service is in now (of this policy), or null. */
  currentRule: number | null;
}) {
  const { policy, currentRule } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const id = `policy-rules-${policy.name}`;
  return (
    <Box mt={2}>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls={id}
        endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
      >
        The policy's rules ({policy.rules.length})
      </Button>
      <Collapse in={open} unmountOnExit>
        <div id={id}>
          {policy.description && (
            <Typography variant="body2" color="textSecondary" gutterBottom>
              {policy.description}
            </Typography>
          )}
          <ol
            className={classes.list}
            aria-label={`Rules of policy ${policy.name}`}
          >
            {policy.rules.map((rule, index) => (
              <li key={`${index}-${rule.state}`} className={classes.rule}>
                <Box display="flex" alignItems="flex-start">
                  <Box flexShrink={0} minWidth={72} mr={1}>
                    <PolicyStateChip
                      state={rule.state}
                      decision={rule.decision}
                    />
                  </Box>
                  <Box flex={1}>
                    <Typography
                      variant="body2"
                      className={
                        index === currentRule ? classes.current : undefined
                      }
                    >
                      When {describePolicyCondition(rule.when)}:{' '}
                      {DECISION_LABEL[rule.decision].toLocaleLowerCase('en-US')}
                      {index === currentRule ? ' (applies now)' : ''}
                    </Typography>
                    <Typography variant="body2" color="textSecondary">
                      {rule.consequence}
                      {describeKeepFor(rule)
                        ? ` (${describeKeepFor(rule)})`
                        : ''}
                    </Typography>
                  </Box>
                </Box>
              </li>
            ))}
          </ol>
          <Typography variant="body2" color="textSecondary">
            The first rule that holds for an SLO decides its state; the service
            takes its most severe SLO's. When no rule holds, deploys are
            allowed.
          </Typography>
          {policy.maxSloDataAgeMinutes && (
            <Typography variant="body2" color="textSecondary">
              The deploy gate judges on SLO figures at most{' '}
              {policy.maxSloDataAgeMinutes} minutes old; older ones are said in
              its answer.
            </Typography>
          )}
        </div>
      </Collapse>
    </Box>
  );
}
