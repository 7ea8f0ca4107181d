import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Step from '@material-ui/core/Step';
import StepButton from '@material-ui/core/StepButton';
import StepContent from '@material-ui/core/StepContent';
import Stepper from '@material-ui/core/Stepper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  TourJourney,
  TourJourneyProblem,
  TourJourneySlo,
  TourJourneyStep,
} from '@internal/backstage-plugin-reliability-common';
import { GlossaryTerm } from '../GlossaryTab';
import { formatPercent, formatRef } from '../overviewFormat';
import { ReliabilityStateChip } from '../ReliabilityStateChip';
import {
  BlastRadiusButton,
  SloExplanations,
  TourRunbookList,
} from './ReadingPath';
import { ErrorText } from '../../ErrorText';

const useStyles = makeStyles(theme => ({
  slo: {
    padding: theme.spacing(1, 1.5),
    margin: theme.spacing(1, 0),
    borderRadius: 4,
    border: `1px solid ${theme.palette.divider}`,
  },
  stepper: { padding: theme.spacing(1, 0) },
  chip: { marginLeft: theme.spacing(0.5), verticalAlign: 'middle' },
  problems: { margin: 0, paddingLeft: theme.spacing(2.5) },
  actions: {
    display: 'flex',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

function JourneySloBox(props: {
  slo: TourJourneySlo | null;
  problem: string | null;
}) {
  const classes = useStyles();
  if (!props.slo && !props.problem) return null;
  return (
    <div className={classes.slo} role="group" aria-label="Journey SLO">
      <Typography variant="overline" display="block">
        <GlossaryTerm term="journey-slo">Journey SLO</GlossaryTerm>
      </Typography>
      {props.slo ? (
        <>
          <Typography variant="body2">
            <strong>{props.slo.explanation.name}</strong>
            <span className={classes.chip}>
              <ReliabilityStateChip state={props.slo.state} />
            </span>
          </Typography>
          <Typography variant="body2">
            {props.slo.explanation.meaning}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            <GlossaryTerm term="error-budget">Error budget</GlossaryTerm> left:{' '}
            {formatPercent(props.slo.budgetRemaining)} ·{' '}
            <GlossaryTerm term="attainment">Attainment</GlossaryTerm>:{' '}
            {props.slo.attainment === null
              ? '—'
              : `${(props.slo.attainment * 100).toFixed(2)}%`}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          {props.problem}
        </Typography>
      )}
    </div>
  );
}

function StepDetails(props: {
  step: TourJourneyStep;
  onMap: boolean;
  onBlastRadius?: (entityRef: string) => void;
}) {
  const { step } = props;
  return (
    <>
      <Typography variant="body2" paragraph>
        {step.description}
      </Typography>
      {!step.found && (
        <ErrorText variant="body2">
          The catalog has no {step.kind} {step.entityRef} (or you may not see
          it).
        </ErrorText>
      )}
      {step.found && !props.onMap && (
        <Typography variant="body2" color="textSecondary">
          Outside this map: open the tour of its domain or system to see it.
        </Typography>
      )}
      {step.found && (
        <>
          <Typography variant="body2">
            <ReliabilityStateChip state={step.state} />{' '}
            {step.worstBudgetRemaining !== null &&
              `${formatPercent(
                step.worstBudgetRemaining,
              )} of its worst error budget left`}
          </Typography>
          <Typography variant="body2">
            <GlossaryTerm term="on-call">On call</GlossaryTerm>:{' '}
            {step.onCallPrimary?.name ?? 'nobody known'} · Owner:{' '}
            {formatRef(step.owner, 'group')}
          </Typography>
          <SloExplanations slos={step.slos} />
          <TourRunbookList
            entityRef={step.entityRef}
            runbooks={step.runbooks}
          />
          <BlastRadiusButton
            entityRef={step.entityRef}
            onBlastRadius={props.onBlastRadius}
          />
        </>
      )}
    </>
  );
}

/**
 * User journeys of the toured system or domain: pick one to highlight it on the map, then walk it step by
 * step, each step with its state, SLOs, on-call and runbooks, and the journey's own SLO when it has one.
 * Journey files that could not be used are listed with their problems.
 */
export function JourneyPanel(props: {
  journeys: TourJourney[];
  problems: TourJourneyProblem[];
  selected: TourJourney | undefined;
  step: number;
  /** Steps (1-based) of the selected journey that are not on the map. */
  outsideSteps: number[];
  onSelect: (journeyId: string | undefined) => void;
  onStep: (step: number) => void;
  /** Opens the blast radius of a step's entity. */
  onBlastRadius?: (entityRef: string) => void;
}) {
  const classes = useStyles();
  const { journeys, selected, step } = props;
  return (
    <InfoCard
      title="User journeys"
      subheader={
        <span>
          What users do here, step by step (a{' '}
          <GlossaryTerm term="user-journey">user journey</GlossaryTerm>). Pick
          one to highlight it on the map.
        </span>
      }
    >
      {props.problems.length > 0 && (
        <WarningPanel
          severity="warning"
          title={`${props.problems.length} journey file problem${
            props.problems.length === 1 ? '' : 's'
          }`}
        >
          <ul className={classes.problems}>
            {props.problems.map(problem => (
              <li key={`${problem.source} ${problem.message}`}>
                <Typography variant="body2">
                  {problem.source}: {problem.message}
                </Typography>
              </li>
            ))}
          </ul>
        </WarningPanel>
      )}
      {journeys.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No journeys here yet. A System or Domain lists its journey files in
          the reliability.sre-portal.dev/journeys annotation.
        </Typography>
      ) : (
        <>
          <FormControl fullWidth size="small" variant="outlined">
            <InputLabel id="tour-journey-label">Journey</InputLabel>
            <Select
              labelId="tour-journey-label"
              id="tour-journey"
              label="Journey"
              value={selected?.id ?? ''}
              onChange={event =>
                props.onSelect((event.target.value as string) || undefined)
              }
            >
              <MenuItem value="">
                <em>None (show the whole map)</em>
              </MenuItem>
              {journeys.map(journey => (
                <MenuItem key={journey.id} value={journey.id}>
                  {journey.title}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {selected && (
            <Box mt={1}>
              {selected.description && (
                <Typography variant="body2">{selected.description}</Typography>
              )}
              <Typography variant="caption" color="textSecondary">
                Declared by <EntityRefLink entityRef={selected.entityRef} />
              </Typography>
              <JourneySloBox slo={selected.slo} problem={selected.sloProblem} />
              <Stepper
                activeStep={step}
                orientation="vertical"
                nonLinear
                className={classes.stepper}
              >
                {selected.steps.map((journeyStep, index) => (
                  <Step key={`${index} ${journeyStep.entityRef}`}>
                    <StepButton onClick={() => props.onStep(index)}>
                      {journeyStep.title}
                      {journeyStep.kind === 'api' ? ' (API)' : ''}
                    </StepButton>
                    <StepContent>
                      <StepDetails
                        step={journeyStep}
                        onMap={!props.outsideSteps.includes(index + 1)}
                        onBlastRadius={props.onBlastRadius}
                      />
                    </StepContent>
                  </Step>
                ))}
              </Stepper>
              <div className={classes.actions}>
                <Button
                  size="small"
                  disabled={step === 0}
                  onClick={() => props.onStep(step - 1)}
                >
                  Back
                </Button>
                <Button
                  size="small"
                  variant="contained"
                  color="primary"
                  disabled={step >= selected.steps.length - 1}
                  onClick={() => props.onStep(step + 1)}
                >
                  Next step
                </Button>
                <Typography variant="body2" color="textSecondary">
                  Step {step + 1} of {selected.steps.length}
                </Typography>
              </div>
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
