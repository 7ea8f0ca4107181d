import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ReadingPathStep,
  TourRunbook,
  TourSloExplanation,
} from '@internal/backstage-plugin-reliability-common';
import { GlossaryTerm } from '../GlossaryTab';
import { ReliabilityStateChip } from '../ReliabilityStateChip';
import { techDocsPath, TourRunbookLink } from './tourLinks';
import { WrappingListItemText } from '../../WrappingListItemText';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
  scroll: { maxHeight: 960, overflowY: 'auto' },
  chip: { marginLeft: theme.spacing(0.5), verticalAlign: 'middle' },
  order: { fontStyle: 'italic' },
}));

/** What each SLO of a service promises, in plain words. */
export function SloExplanations(props: { slos: TourSloExplanation[] }) {
  const classes = useStyles();
  if (props.slos.length === 0) return null;
  return (
    <>
      <Typography variant="overline" display="block">
        What its <GlossaryTerm term="slo">SLOs</GlossaryTerm> promise
      </Typography>
      <ul className={classes.list}>
        {props.slos.map(slo => (
          <li key={slo.name}>
            <Typography variant="body2">
              <strong>{slo.name}:</strong> {slo.meaning}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The runbooks of an entity by title, from the runbook index. */
export function TourRunbookList(props: {
  entityRef: string;
  runbooks: TourRunbook[];
}) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="overline" display="block">
        <GlossaryTerm term="runbook">Runbooks</GlossaryTerm>
      </Typography>
      {props.runbooks.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          none yet
        </Typography>
      ) : (
        <ul className={classes.list}>
          {props.runbooks.map(runbook => (
            <li key={`${runbook.id ?? runbook.url}`}>
              <TourRunbookLink entityRef={props.entityRef} runbook={runbook} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Opens the blast radius of an entity ("What breaks if it fails?"). */
export function BlastRadiusButton(props: {
  entityRef: string;
  onBlastRadius?: (entityRef: string) => void;
}) {
  if (!props.onBlastRadius) return null;
  return (
    <Button
      size="small"
      color="primary"
      onClick={() => props.onBlastRadius!(props.entityRef)}
    >
      What breaks if it fails?
    </Button>
  );
}

function Step(props: {
  step: ReadingPathStep;
  index: number;
  onBlastRadius?: (entityRef: string) => void;
}) {
  const { step, index } = props;
  const classes = useStyles();
  return (
    <ListItem alignItems="flex-start" divider>
      <WrappingListItemText
        disableTypography
        primary={
          <Typography variant="subtitle1">
            {index + 1}.{' '}
            <EntityRefLink entityRef={step.entityRef} title={step.title} />
            <span className={classes.chip}>
              <ReliabilityStateChip state={step.state} />
            </span>
          </Typography>
        }
        secondary={
          <>
            <Typography variant="body2">{step.whyItMatters}</Typography>
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.order}
            >
              {step.whyThisOrder}
            </Typography>
            {step.techDocsEntityRef && (
              <Typography variant="body2">
                <Link to={techDocsPath(step.techDocsEntityRef)}>
                  Read its documentation (TechDocs)
                </Link>
              </Typography>
            )}
            <SloExplanations slos={step.slos} />
            <TourRunbookList
              entityRef={step.entityRef}
              runbooks={step.runbooks}
            />
          </>
        }
      />
    </ListItem>
  );
}

/** The guided reading path: services in the order a new hire should learn them, and why in that order. */
export function ReadingPath(props: {
  steps: ReadingPathStep[];
  onBlastRadius?: (entityRef: string) => void;
}) {
  const classes = useStyles();
  return (
    <InfoCard
      title="Reading path"
      subheader={
        <span>
          Start at the top: the most critical{' '}
          <GlossaryTerm term="service-tier">tier</GlossaryTerm> first, then the
          services most others depend on, then those whose SLOs alert.
        </span>
      }
    >
      {props.steps.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No services (components) here yet.
        </Typography>
      ) : (
        <List dense disablePadding className={classes.scroll}>
          {props.steps.map((step, index) => (
            <Step
              key={step.entityRef}
              step={step}
              index={index}
              onBlastRadius={props.onBlastRadius}
            />
          ))}
        </List>
      )}
    </InfoCard>
  );
}
