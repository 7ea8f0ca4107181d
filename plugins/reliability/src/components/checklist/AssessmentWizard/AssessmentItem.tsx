import { Link } from '@backstage/core-components';
import {
  allowsNotApplicable,
  AnswerView,
  ASSESSMENT_ANSWERS,
  AutomaticResult,
  ChecklistItem,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ANSWER_LABELS, STATUS_LABELS } from '../maturityFormat';
import { AnswerDraft, answerProblems } from './wizardState';
import { ErrorText } from '../../ErrorText';
import { FixTemplateLink } from '../FixTemplateLink';

/** The latest assessment's answer to one item, for readers who may not submit. */
function LatestAnswer(props: { previous?: AnswerView }) {
  const { previous } = props;
  if (!previous) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not answered in the latest assessment.
      </Typography>
    );
  }
  const label = ANSWER_LABELS[previous.answer];
  return (
    <Box>
      <Typography variant="body2">
        {previous.expired ? (
          <>The latest answer ({label}) has expired and no longer counts.</>
        ) : (
          <>
            Latest answer: <strong>{label}</strong>
            {` (valid until ${previous.expiresAt.slice(0, 10)})`}
          </>
        )}
      </Typography>
      {previous.evidenceUrl && (
        <Typography variant="body2">
          <Link to={previous.evidenceUrl}>Evidence</Link>
        </Typography>
      )}
      {previous.note && (
        <Typography variant="body2" color="textSecondary">
          {previous.note}
        </Typography>
      )}
    </Box>
  );
}

/**
 * One checklist item in the wizard: read-only for automatic items, an answer form otherwise (or the latest
 * answer when the reader may not submit).
 */
export function AssessmentItem(props: {
  item: ChecklistItem;
  levelTitle: string;
  automatic?: AutomaticResult;
  previous?: AnswerView;
  value: AnswerDraft | undefined;
  today: string;
  onChange: (value: AnswerDraft) => void;
  /** Show the latest answer instead of the answer form. */
  readOnly?: boolean;
}) {
  const { item, automatic, value, previous, today, onChange, readOnly } = props;
  const problems = answerProblems(value, today);
  const titleId = `checklist-item-${item.id}`;
  const selfAssessed = item.kind !== 'automatic';
  const notApplicable = value?.answer === 'not-applicable';
  // "Not applicable" is offered only where the checklist allows it (kept visible to change an old answer).
  const answers = ASSESSMENT_ANSWERS.filter(
    answer =>
      answer !== 'not-applicable' || allowsNotApplicable(item) || notApplicable,
  );
  return (
    <Box
      component="section"
      aria-labelledby={titleId}
      mb={3}
      data-testid={`item-${item.id}`}
    >
      <Typography id={titleId} variant="subtitle1">
        {item.title}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {props.levelTitle} · weight {item.weight}
        {item.productionReadiness ? ' · production readiness' : ''}
      </Typography>
      <Typography variant="body2" paragraph>
        <strong>Why it matters:</strong> {item.why}
      </Typography>
      {!selfAssessed && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Chip
            size="small"
            label={`Automatic: ${
              STATUS_LABELS[automatic?.status ?? 'unknown']
            }`}
            color={automatic?.status === 'pass' ? 'primary' : 'default'}
          />
          <Typography variant="body2" color="textSecondary">
            {automatic?.detail ?? 'No data source evaluated this check'}
          </Typography>
          {automatic?.status === 'fail' && (
            <FixTemplateLink template={item.fixTemplate} />
          )}
        </Box>
      )}
      {selfAssessed && readOnly && <LatestAnswer previous={previous} />}
      {selfAssessed && !readOnly && (
        <>
          {previous?.expired && !value?.answer && (
            <ErrorText variant="body2">
              The previous answer ({previous.answer}) has expired; answer again.
            </ErrorText>
          )}
          <RadioGroup
            row
            aria-label={`Answer: ${item.title}`}
            value={value?.answer ?? ''}
            onChange={event =>
              onChange({
                ...value,
                answer: event.target.value as AnswerDraft['answer'],
              })
            }
          >
            {answers.map(answer => (
              <FormControlLabel
                key={answer}
                value={answer}
                control={<Radio />}
                label={ANSWER_LABELS[answer]}
              />
            ))}
          </RadioGroup>
          {value?.answer && (
            <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
              <TextField
                label="Evidence link"
                placeholder="https://..."
                value={value.evidenceUrl ?? ''}
                error={!!problems.evidenceUrl}
                helperText={
                  problems.evidenceUrl ?? 'Dashboard, document, runbook...'
                }
                onChange={e =>
                  onChange({ ...value, evidenceUrl: e.target.value })
                }
                inputProps={{ 'aria-label': `Evidence link: ${item.title}` }}
                style={{ minWidth: 280 }}
              />
              <TextField
                label="Valid until"
                type="date"
                value={value.expiresAt ?? ''}
                error={!!problems.expiresAt}
                helperText={problems.expiresAt ?? 'Blank: the default validity'}
                onChange={e =>
                  onChange({ ...value, expiresAt: e.target.value })
                }
                InputLabelProps={{ shrink: true }}
                inputProps={{
                  min: today,
                  'aria-label': `Valid until: ${item.title}`,
                }}
              />
              <TextField
                label={notApplicable ? 'Why it does not apply' : 'Note'}
                required={notApplicable}
                multiline
                fullWidth
                value={value.note ?? ''}
                error={!!problems.note}
                helperText={problems.note}
                onChange={e => onChange({ ...value, note: e.target.value })}
                inputProps={{
                  'aria-label': `Note: ${item.title}`,
                  maxLength: 2000,
                }}
              />
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
