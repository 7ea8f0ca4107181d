import { ExemptionGrant } from './exemptions';
import {
  allowsNotApplicable,
  AutomaticResult,
  Checklist,
  ChecklistItem,
  NO_LEVEL,
  StoredAnswer,
} from './types';

/**
 * How one item was counted:
 * self-assessed items are `yes`, `partial`, `no`, `not-applicable`, `expired` or `unanswered`;
 * automatic items are `pass`, `fail` or `unknown`; an item of either kind with an active exemption is `exempt`.
 *
 * @public
 */
export type ItemStatus =
  | 'yes'
  | 'partial'
  | 'no'
  | 'not-applicable'
  | 'expired'
  | 'unanswered'
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'exempt';

/** One item's part in the score and the level. @public */
export interface ItemContribution {
  itemId: string;
  title: string;
  category: string;
  level: string;
  kind: ChecklistItem['kind'];
  weight: number;
  status: ItemStatus;
  /** Credit 0..1; null when the item is excluded from the denominator (not applicable, unknown). */
  credit: number | null;
  /** weight x credit (0 when excluded). */
  earned: number;
  /** Whether the item counts as done for reaching its level (yes, not applicable, automatic pass). */
  passes: boolean;
  /** Why the item counted the way it did. */
  reason: string;
  /** For `exempt` items: until when, and who granted the exemption. */
  exemption?: ExemptionGrant;
}

/** Score of one category. @public */
export interface CategoryScore {
  category: string;
  title: string;
  /** 0..100, null when nothing in the category was applicable. */
  score: number | null;
  earnedWeight: number;
  possibleWeight: number;
  /** Items of the category answered "not applicable" (left out of `possibleWeight`). */
  notApplicable: number;
  /** Items of the category with an active exemption (left out of `possibleWeight`). */
  exempt: number;
}

/** A score and a level, explained item by item. @public */
export interface ScoreExplanation {
  /** Weighted 0..100 score (one decimal); null when no item could be counted. */
  score: number | null;
  earnedWeight: number;
  possibleWeight: number;
  /** Highest level whose items, and those of every lower level, all pass; {@link NO_LEVEL} otherwise. */
  level: string;
  /** The level after `level`, or null at the top. */
  nextLevel: string | null;
  /** Ids of the items that keep the entity from reaching `nextLevel`. */
  blockingNextLevel: string[];
  items: ItemContribution[];
  /** Ids of items left out of the denominator (not applicable, or automatic without data). */
  excluded: string[];
  /** Ids of the items answered "not applicable" (a subset of `excluded`), so readers can tell them apart. */
  notApplicable: string[];
  /** Ids of the items with an active exemption (a subset of `excluded`), each with its expiry in `items`. */
  exempt: string[];
  categories: CategoryScore[];
  /** Whether every production-readiness item passes, and which do not. */
  productionReadiness: { ready: boolean; blocking: string[] };
}

/** What a score is computed from. @public */
export interface ScoreInput {
  checklist: Checklist;
  /** Self-assessed answers by item id. */
  answers: Record<string, StoredAnswer | undefined>;
  /** Automatic results (by item id or as a list). */
  automatic: Record<string, AutomaticResult | undefined> | AutomaticResult[];
  /** Approved exemptions by item id; one counts while its expiry is after `now`. */
  exemptions?: Record<string, ExemptionGrant | undefined>;
  now: Date;
}

const CREDIT = { yes: 1, partial: 0.5, no: 0 } as const;

/** True when the answer's expiry is at or before `now` (or unreadable). @public */
export function isAnswerExpired(
  answer: Pick<StoredAnswer, 'expiresAt'>,
  now: Date,
): boolean {
  const expiresAt = Date.parse(answer.expiresAt);
  return !Number.isFinite(expiresAt) || expiresAt <= now.getTime();
}

function roundScore(earned: number, possible: number): number | null {
  if (possible <= 0) {
    return null;
  }
  return Math.round((earned / possible) * 1000) / 10;
}

/** True while an exemption's expiry is after `now` (an unreadable expiry never counts). @public */
export function isExemptionActive(
  exemption: Pick<ExemptionGrant, 'expiresAt'>,
  now: Date,
): boolean {
  const expiresAt = Date.parse(exemption.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt > now.getTime();
}

function exemptContribution(
  exemption: ExemptionGrant,
): Omit<ItemContribution, keyof ChecklistItemBase> {
  return {
    status: 'exempt',
    credit: null,
    earned: 0,
    passes: true,
    reason: `Exempt until ${exemption.expiresAt.slice(0, 10)} (granted by ${
      exemption.grantedBy
    }): counts neither as passed nor as failed, left out of the score and does not block its level. It counts again when the exemption ends.`,
    exemption: {
      expiresAt: exemption.expiresAt,
      grantedBy: exemption.grantedBy,
    },
  };
}

function contribution(
  item: ChecklistItem,
  answer: StoredAnswer | undefined,
  result: AutomaticResult | undefined,
  exemption: ExemptionGrant | undefined,
  now: Date,
): Omit<ItemContribution, keyof ChecklistItemBase> {
  if (exemption && isExemptionActive(exemption, now)) {
    return exemptContribution(exemption);
  }
  if (item.kind === 'automatic') {
    if (!result || result.status === 'unknown') {
      return {
        status: 'unknown',
        credit: null,
        earned: 0,
        passes: false,
        reason: `Not counted in the score: ${
          result?.detail ?? 'no data source can evaluate this check'
        }. It cannot be verified, so it still blocks its level.`,
      };
    }
    const pass = result.status === 'pass';
    return {
      status: result.status,
      credit: pass ? 1 : 0,
      earned: pass ? item.weight : 0,
      passes: pass,
      reason: `Automatic check ${pass ? 'passed' : 'failed'}: ${
        result.detail
      }.`,
    };
  }
  if (!answer) {
    return {
      status: 'unanswered',
      credit: 0,
      earned: 0,
      passes: false,
      reason: 'Not answered yet; counts as "no".',
    };
  }
  if (isAnswerExpired(answer, now)) {
    return {
      status: 'expired',
      credit: 0,
      earned: 0,
      passes: false,
      reason: `Answer "${answer.answer}" expired on ${answer.expiresAt.slice(
        0,
        10,
      )}; counts as "no" until it is re-assessed.`,
    };
  }
  if (answer.answer === 'not-applicable') {
    if (!allowsNotApplicable(item)) {
      return {
        status: 'no',
        credit: 0,
        earned: 0,
        passes: false,
        reason:
          'Answered "not applicable", which this item does not allow (it applies to every service); counts as "no" until it is re-assessed.',
      };
    }
    const why = answer.note?.trim();
    return {
      status: 'not-applicable',
      credit: null,
      earned: 0,
      passes: true,
      reason: `Not applicable${
        why ? ` ("${why}")` : ''
      }: left out of the score and does not block its level.`,
    };
  }
  const credit = CREDIT[answer.answer];
  return {
    status: answer.answer,
    credit,
    earned: item.weight * credit,
    passes: answer.answer === 'yes',
    reason:
      answer.answer === 'partial'
        ? 'Partly in place: half credit; does not yet count towards its level.'
        : `Answered "${answer.answer}".`,
  };
}

type ChecklistItemBase = Pick<
  ItemContribution,
  'itemId' | 'title' | 'category' | 'level' | 'kind' | 'weight'
>;

function toResultMap(
  automatic: ScoreInput['automatic'],
): Map<string, AutomaticResult> {
  const results = Array.isArray(automatic)
    ? automatic
    : Object.values(automatic).filter(
        (r): r is AutomaticResult => r !== undefined,
      );
  return new Map(results.map(r => [r.itemId, r]));
}

/**
 * Scores a checklist for one entity.
 *
 * - Score: weighted mean of the items' credit (yes 1, partial 0.5, no / unanswered / expired 0), x100.
 *   Not-applicable answers and automatic items without data are left out of the denominator (and listed in `excluded`;
 *   not-applicable ones also in `notApplicable`). A not-applicable answer counts only on items that allow it
 *   (`allowNotApplicable`); elsewhere it counts as "no".
 * - Level: the highest level L such that every item of L and of every lower level passes
 *   (self-assessed: yes or an allowed not applicable; automatic: pass). A level without items passes trivially.
 * - Exemptions: an item with an active exemption (expiry after `now`) counts neither as passed nor as failed:
 *   it is left out of the denominator (listed in `excluded` and `exempt`) and does not block its level or
 *   production readiness. Once the exemption ends the item counts as it otherwise would.
 *
 * Pure: the same input always gives the same explanation.
 *
 * @public
 */
export function scoreChecklist(input: ScoreInput): ScoreExplanation {
  const { checklist, answers, exemptions, now } = input;
  const results = toResultMap(input.automatic);

  const items: ItemContribution[] = checklist.items.map(item => ({
    itemId: item.id,
    title: item.title,
    category: item.category,
    level: item.level,
    kind: item.kind,
    weight: item.weight,
    ...contribution(
      item,
      Object.prototype.hasOwnProperty.call(answers, item.id)
        ? answers[item.id]
        : undefined,
      results.get(item.id),
      exemptions && Object.prototype.hasOwnProperty.call(exemptions, item.id)
        ? exemptions[item.id]
        : undefined,
      now,
    ),
  }));

  const counted = items.filter(i => i.credit !== null);
  const earnedWeight = counted.reduce((sum, i) => sum + i.earned, 0);
  const possibleWeight = counted.reduce((sum, i) => sum + i.weight, 0);

  let level = NO_LEVEL;
  let nextLevel: string | null = null;
  let blockingNextLevel: string[] = [];
  for (const candidate of checklist.levels) {
    const failing = items.filter(i => i.level === candidate.id && !i.passes);
    if (failing.length > 0) {
      nextLevel = candidate.id;
      blockingNextLevel = failing.map(i => i.itemId);
      break;
    }
    level = candidate.id;
  }

  const categories: CategoryScore[] = checklist.categories.map(category => {
    const inCategory = counted.filter(i => i.category === category.id);
    const earned = inCategory.reduce((sum, i) => sum + i.earned, 0);
    const possible = inCategory.reduce((sum, i) => sum + i.weight, 0);
    return {
      category: category.id,
      title: category.title,
      score: roundScore(earned, possible),
      earnedWeight: earned,
      possibleWeight: possible,
      notApplicable: items.filter(
        i => i.category === category.id && i.status === 'not-applicable',
      ).length,
      exempt: items.filter(
        i => i.category === category.id && i.status === 'exempt',
      ).length,
    };
  });

  const readinessItems = new Set(
    checklist.items.filter(i => i.productionReadiness).map(i => i.id),
  );
  const readinessBlocking = items
    .filter(i => readinessItems.has(i.itemId) && !i.passes)
    .map(i => i.itemId);

  return {
    score: roundScore(earnedWeight, possibleWeight),
    earnedWeight,
    possibleWeight,
    level,
    nextLevel,
    blockingNextLevel,
    items,
    excluded: items.filter(i => i.credit === null).map(i => i.itemId),
    notApplicable: items
      .filter(i => i.status === 'not-applicable')
      .map(i => i.itemId),
    exempt: items.filter(i => i.status === 'exempt').map(i => i.itemId),
    categories,
    productionReadiness: {
      ready: readinessBlocking.length === 0,
      blocking: readinessBlocking,
    },
  };
}
