import {
  EmptyState,
  Gauge,
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  ItemContribution,
  itemsToFix,
  pluralCount,
  ScoreExplanation,
  titleList,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ReactElement } from 'react';
import { FixTemplateLink } from '../FixTemplateLink';
import { MaturityLevelChip } from '../MaturityLevelChip';
import { SubmitRestrictionNotice } from '../SubmitRestrictionNotice';
import { levelTitle, STATUS_LABELS } from '../maturityFormat';
import { useMaturity } from '../useMaturity';
import { useMaturityTabLink } from '../useMaturityTabLink';

const TOP_ITEMS = 3;

/** "2 items exempt until ..." from the explanation's exempt items, naming the first expiry. */
function exemptText(items: ItemContribution[]): string {
  const expiries = items
    .filter(i => i.status === 'exempt' && i.exemption)
    .map(i => i.exemption!.expiresAt.slice(0, 10))
    .sort();
  const n = expiries.length;
  return `${pluralCount(n, 'item')} exempt (left out of the score) until ${
    expiries[0]
  }${n > 1 ? ' at the earliest' : ''}`;
}

/**
 * "2 items to reach Beginner". A blocking automatic check without data is not among "Fix next" (nothing to fix
 * until it can be checked), so then the items are named, those without data first, then the heaviest, at most
 * {@link TOP_ITEMS}: otherwise a high score beside "No level yet" could have no visible reason.
 */
function toReachText(explanation: ScoreExplanation, nextLevel: string): string {
  const blocking = new Set(explanation.blockingNextLevel);
  const noData = (i: ItemContribution) => i.status === 'unknown';
  const items = explanation.items
    .filter(i => blocking.has(i.itemId))
    .sort(
      (a, b) => Number(noData(b)) - Number(noData(a)) || b.weight - a.weight,
    );
  const n = items.length;
  const text = `${pluralCount(n, 'item')} to reach ${nextLevel}`;
  if (!items.some(noData)) return text;
  return `${text}: ${titleList(
    items
      .slice(0, TOP_ITEMS)
      .map(i =>
        noData(i)
          ? `${i.title} (${STATUS_LABELS.unknown.toLowerCase()})`
          : i.title,
      ),
    Math.max(0, n - TOP_ITEMS),
  )}`;
}

/**
 * Maturity card of the Reliability tab: score gauge, level badge, production readiness, the items most worth
 * fixing next and a link to the self-assessment wizard (to browse the checklist, for those who may not submit).
 */
export function EntityMaturityCard(props: {
  /** Set false where the wizard is on the same page (the Maturity tab): no link to it, no permission notice. */
  linkToWizard?: boolean;
}) {
  const { linkToWizard = true } = props;
  const { value, error } = useMaturity();
  const tabLink = useMaturityTabLink();
  const canSubmit = value?.maturity.canSubmit ?? false;
  const wizardLink = (
    <LinkButton
      variant={canSubmit ? 'contained' : 'outlined'}
      color="primary"
      to={tabLink}
    >
      {canSubmit ? 'Self-assess' : 'Browse the checklist'}
    </LinkButton>
  );
  const readOnlyWizardLink = (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <SubmitRestrictionNotice />
      <Box>{wizardLink}</Box>
    </Box>
  );
  let selfAssess: ReactElement | undefined;
  if (linkToWizard) {
    selfAssess = canSubmit ? wizardLink : readOnlyWizardLink;
  }

  const content = () => {
    if (error) {
      return <ResponseErrorPanel error={error} />;
    }
    if (!value) {
      return <Progress />;
    }
    const { checklist, maturity } = value;
    const { explanation } = maturity;
    if (!maturity.latestAssessment && explanation.score === null) {
      return (
        <EmptyState
          missing="data"
          title="Not assessed yet"
          description={
            canSubmit
              ? 'Answer the reliability-maturity checklist to get a score, a level and a list of what to improve next.'
              : "The service's owners answer the reliability-maturity checklist to get a score, a level and a list of what to improve next."
          }
          action={selfAssess}
        />
      );
    }
    const expired = Object.values(maturity.answers).filter(a => a.expired);
    const toFix = itemsToFix(explanation, TOP_ITEMS);
    const titles = new Map(checklist.items.map(i => [i.id, i.title]));
    const fixTemplates = new Map(
      checklist.items.map(i => [i.id, i.fixTemplate]),
    );
    return (
      <>
        {maturity.outdatedChecklist && (
          <WarningPanel
            severity="info"
            title="The checklist changed since the last assessment"
            message={`Last assessed against version ${maturity.latestAssessment?.checklistVersion}; the current version is ${maturity.checklistVersion}. New items count as unanswered until you re-assess.`}
          />
        )}
        {expired.length > 0 && (
          <WarningPanel
            severity="warning"
            title={
              expired.length === 1
                ? '1 answer has expired and no longer counts'
                : `${expired.length} answers have expired and no longer count`
            }
          />
        )}
        {!maturity.latestAssessment && (
          <Typography variant="body2" color="textSecondary">
            Not self-assessed yet: the score counts only the automatic checks.
          </Typography>
        )}
        <Box display="flex" alignItems="center" style={{ gap: 24 }}>
          <Box width={140} role="group" aria-label="Maturity score">
            {explanation.score === null ? (
              <Typography variant="h3">—</Typography>
            ) : (
              // The small figure: the normal one (45 px) is wider than the ring of a 140 px gauge and covers it.
              <Gauge value={explanation.score / 100} size="small" />
            )}
          </Box>
          <Box>
            <MaturityLevelChip
              level={explanation.level}
              title={levelTitle(checklist, explanation.level)}
            />
            {explanation.nextLevel && (
              <Typography variant="body2" style={{ marginTop: 8 }}>
                {toReachText(
                  explanation,
                  levelTitle(checklist, explanation.nextLevel),
                )}
              </Typography>
            )}
            {explanation.notApplicable.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                {explanation.notApplicable.length} item
                {explanation.notApplicable.length === 1 ? '' : 's'} marked not
                applicable (left out of the score)
              </Typography>
            )}
            {explanation.exempt.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                {exemptText(explanation.items)}
              </Typography>
            )}
            <Typography variant="body2" color="textSecondary">
              {explanation.productionReadiness.ready
                ? 'Production-readiness items all pass'
                : `${explanation.productionReadiness.blocking.length} production-readiness items open`}
            </Typography>
          </Box>
        </Box>
        {toFix.length > 0 && (
          <>
            <Typography variant="subtitle2" style={{ marginTop: 16 }}>
              Fix next
            </Typography>
            <List dense aria-label="Items to fix next">
              {toFix.map(item => (
                <ListItem key={item.itemId} disableGutters>
                  <ListItemText
                    primary={titles.get(item.itemId) ?? item.title}
                    secondary={`${STATUS_LABELS[item.status]} · ${levelTitle(
                      checklist,
                      item.level,
                    )} · weight ${item.weight}`}
                  />
                  <FixTemplateLink template={fixTemplates.get(item.itemId)} />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {selfAssess && <Box mt={2}>{selfAssess}</Box>}
      </>
    );
  };

  return (
    <InfoCard
      title="Reliability maturity"
      subheader={
        value
          ? `${value.checklist.title}, version ${value.checklist.version}`
          : undefined
      }
    >
      {content()}
    </InfoCard>
  );
}
