import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Checklist,
  EntityMaturity,
  scoreChecklist,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Step from '@material-ui/core/Step';
import StepButton from '@material-ui/core/StepButton';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useMemo, useState } from 'react';
import { reliabilityApiRef } from '../../../api';
import { useEntityReliability } from '../../../hooks';
import { formatScore, levelTitle } from '../maturityFormat';
import { SubmitRestrictionNotice } from '../SubmitRestrictionNotice';
import { AssessmentItem } from './AssessmentItem';
import { submitErrorMessage } from './submitErrorMessage';
import {
  AnswerDraft,
  answerProblems,
  initialAnswers,
  previewAnswers,
  toSubmission,
  wizardSteps,
} from './wizardState';
import { ErrorText } from '../../ErrorText';

type Message = {
  severity: 'success' | 'error' | 'info' | 'warning';
  text: string;
  reload?: boolean;
};

/**
 * The self-assessment wizard: one step per category (each item with why it matters; automatic items read-only
 * with their result), then a review step with the resulting score. Drafts are saved on every step change and
 * on demand, and resumed on the next visit. Callers who may not submit (`maturity.canSubmit` false) browse the
 * categories read-only, with the latest answers: no drafts, no review step, no submission.
 */
export function AssessmentWizard(props: {
  checklist: Checklist;
  maturity: EntityMaturity;
  /** Called after a successful submission, or when the user asks to reload a changed checklist. */
  onChanged: () => void;
  now?: () => Date;
}) {
  const { checklist, maturity, onChanged } = props;
  const now = props.now ?? (() => new Date());
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const readOnly = !maturity.canSubmit;
  const steps = useMemo(() => wizardSteps(checklist), [checklist]);
  const reviewStep = steps.length;
  const lastStep = readOnly ? steps.length - 1 : reviewStep;

  const draft = useEntityReliability(
    async (reliabilityApi, ref) =>
      readOnly ? null : reliabilityApi.getMaturityDraft(ref),
    [readOnly],
  );
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  useEffect(() => {
    if (draft.loading || answers !== undefined) return;
    const saved = draft.value ?? null;
    setAnswers(initialAnswers(checklist, maturity, saved));
    if (saved) {
      setStep(Math.min(saved.step, reviewStep));
      setMessage({
        severity: 'info',
        text: `Resumed your draft from ${saved.updatedAt.slice(0, 10)}.`,
      });
    }
  }, [draft.loading, draft.value, answers, checklist, maturity, reviewStep]);

  if (draft.error) {
    return <ResponseErrorPanel error={draft.error} />;
  }
  if (!answers) {
    return <Progress />;
  }

  const today = now().toISOString().slice(0, 10);
  const automatic = new Map(maturity.automatic.map(a => [a.itemId, a]));
  const submission = toSubmission(checklist, answers);
  const invalid = Object.entries(answers).some(
    ([, value]) => Object.keys(answerProblems(value, today)).length > 0,
  );

  const saveDraft = async (atStep: number, announce: boolean) => {
    try {
      await api.saveMaturityDraft(entityRef, {
        checklistVersion: checklist.version,
        answers,
        step: atStep,
      });
      if (announce) {
        setMessage({ severity: 'success', text: 'Draft saved.' });
      }
    } catch (error) {
      setMessage({
        severity: 'error',
        text: `The draft could not be saved: ${(error as Error).message}`,
      });
    }
  };

  const goTo = (next: number) => {
    setStep(next);
    setMessage(undefined);
    if (!readOnly) {
      void saveDraft(next, false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const record = await api.submitMaturityAssessment(entityRef, submission);
      setMessage({
        severity: 'success',
        text: `Assessment submitted: score ${formatScore(
          record.score,
        )}, level ${levelTitle(checklist, record.level)}.`,
      });
      onChanged();
    } catch (error) {
      const { kind, text } = submitErrorMessage(error, entity);
      setMessage({
        severity: kind === 'forbidden' ? 'warning' : 'error',
        text,
        reload: kind === 'conflict',
      });
    } finally {
      setBusy(false);
    }
  };

  const preview = scoreChecklist({
    checklist,
    answers: previewAnswers(submission, now()),
    automatic: maturity.automatic,
    now: now(),
  });
  const selfAssessed = checklist.items.filter(i => i.kind === 'self-assessed');
  const unanswered = selfAssessed.filter(i => !submission.answers[i.id]);

  return (
    <Box>
      {readOnly && (
        <Box mb={2}>
          <SubmitRestrictionNotice>
            Browse the checklist below to see each item, why it matters and the
            latest answers.
          </SubmitRestrictionNotice>
        </Box>
      )}
      <Stepper nonLinear activeStep={step} alternativeLabel>
        {steps.map((s, index) => (
          <Step key={s.category.id}>
            <StepButton onClick={() => goTo(index)}>
              {s.category.title}
            </StepButton>
          </Step>
        ))}
        {!readOnly && (
          <Step key="review">
            <StepButton onClick={() => goTo(reviewStep)}>
              Review & submit
            </StepButton>
          </Step>
        )}
      </Stepper>

      {message && (
        <Alert
          severity={message.severity}
          role="alert"
          action={
            message.reload ? (
              <Button color="inherit" size="small" onClick={onChanged}>
                Reload checklist
              </Button>
            ) : undefined
          }
        >
          {message.text}
        </Alert>
      )}

      <Box mt={2}>
        {step < reviewStep ? (
          <>
            <Typography variant="h6">{steps[step].category.title}</Typography>
            {steps[step].category.description && (
              <Typography variant="body2" color="textSecondary" paragraph>
                {steps[step].category.description}
              </Typography>
            )}
            {steps[step].items.map(item => (
              <AssessmentItem
                key={item.id}
                item={item}
                levelTitle={levelTitle(checklist, item.level)}
                automatic={automatic.get(item.id)}
                previous={maturity.answers[item.id]}
                value={answers[item.id]}
                today={today}
                readOnly={readOnly}
                onChange={value =>
                  setAnswers(current => ({ ...current, [item.id]: value }))
                }
              />
            ))}
          </>
        ) : (
          !readOnly && (
            <Box role="group" aria-label="Review">
              <Typography variant="h6">Review & submit</Typography>
              <Typography variant="body1">
                Score after submitting:{' '}
                <strong>{formatScore(preview.score)}</strong>
                {' · '}Level:{' '}
                <strong>{levelTitle(checklist, preview.level)}</strong>
              </Typography>
              <Typography variant="body2" color="textSecondary" paragraph>
                {unanswered.length === 0
                  ? `All ${selfAssessed.length} self-assessed items answered.`
                  : `${unanswered.length} of ${selfAssessed.length} self-assessed items unanswered; they count as "no".`}
              </Typography>
            </Box>
          )
        )}
      </Box>

      <Box display="flex" style={{ gap: 8 }} mt={2}>
        <Button disabled={step === 0} onClick={() => goTo(step - 1)}>
          Back
        </Button>
        {!readOnly && (
          <Button variant="outlined" onClick={() => saveDraft(step, true)}>
            Save draft
          </Button>
        )}
        {readOnly || step < reviewStep ? (
          <Button
            variant={readOnly ? 'outlined' : 'contained'}
            color="primary"
            disabled={step >= lastStep}
            onClick={() => goTo(step + 1)}
          >
            Next
          </Button>
        ) : (
          <Button
            variant="contained"
            color="primary"
            disabled={busy || invalid}
            onClick={submit}
          >
            Submit assessment
          </Button>
        )}
      </Box>
      {invalid && step === reviewStep && (
        <ErrorText variant="body2">
          Fix the highlighted answers before submitting.
        </ErrorText>
      )}
    </Box>
  );
}
