/**
 * Types of a team's learning path (onboarding as code): a file named by the `learning-path` annotation of a
 * Group lists what a new member reads, walks and shadows; each signed-in user ticks items off.
 */

/** Every kind of learning path item, in display order. @public */
export const LEARNING_ITEM_KINDS = [
  'runbook',
  'journey',
  'postmortem',
  'shadow-oncall',
  'link',
] as const;

/**
 * What a learning path item asks for: read a runbook, walk a user journey in the architecture tour, review a
 * postmortem, shadow an on-call shift, or anything else behind a link.
 *
 * @public
 */
export type LearningItemKind = (typeof LEARNING_ITEM_KINDS)[number];

/** One item of a learning path, with the signed-in user's progress. @public */
export interface LearningItem {
  /** Unique within the path; progress is stored under it. */
  id: string;
  kind: LearningItemKind;
  title: string;
  /** Why this item is on the path (from the file), null without one. */
  why: string | null;
  /**
   * The entity the item is about (normalised ref): the runbook's or postmortem's entity, the System or Domain
   * declaring the journey, the component or group whose on-call shift to shadow; null for links.
   */
  entityRef: string | null;
  /** Runbook id in the entity's runbook index (runbook and postmortem items). */
  runbookId: string | null;
  /** Journey name (journey items). */
  journey: string | null;
  /** Where the item opens when it is not an app page: an http(s) URL or an app path; null otherwise. */
  url: string | null;
  /** Why the item's target could not be checked or found (the item still counts). */
  problem: string | null;
  /** When the signed-in user ticked it off (ISO 8601), null while not done. */
  doneAt: string | null;
}

/** A team's learning path with the signed-in user's progress. @public */
export interface LearningPath {
  /** The Group declaring the path (normalised ref). */
  groupRef: string;
  /** The Group's title or name. */
  groupTitle: string;
  title: string;
  description: string | null;
  /** The file the path was read from. */
  source: string;
  /** The team opted in to sharing progress: its members' aggregated progress is readable by anyone signed in. */
  shareProgress: boolean;
  /** Labelled demo data (`metadata.labels` of the file: `demo: "true"`). */
  demo: boolean;
  items: LearningItem[];
  /** Items the signed-in user has done. */
  doneCount: number;
}

/** A Group whose learning path could not be read or is invalid: the message says what to fix. @public */
export interface LearningPathProblem {
  groupRef: string;
  source: string;
  message: string;
}

/** Response of `GET /learning/paths`: the paths of the signed-in user's groups. @public */
export interface MyLearningPathsResponse {
  userEntityRef: string;
  /** The user's groups (membership and ownership claims) that were looked at. */
  groupRefs: string[];
  paths: LearningPath[];
  problems: LearningPathProblem[];
}

/** Body of `PUT /learning/progress`: ticks an item off (`done: true`) or un-ticks it. @public */
export interface LearningProgressRequest {
  /** The Group whose path holds the item. */
  group: string;
  itemId: string;
  done: boolean;
}

/** Response of `PUT /learning/progress`: the item's new state. @public */
export interface LearningProgressResponse {
  group: string;
  itemId: string;
  doneAt: string | null;
}

/** Aggregated progress of one item of a team's path. @public */
export interface TeamLearningItemProgress {
  id: string;
  title: string;
  kind: LearningItemKind;
  /** Members of the team who ticked it off. */
  doneBy: number;
}

/**
 * Response of `GET /learning/teams/:namespace/:name`: a team's aggregated progress, only when the team opted in
 * (`shareProgress: true` in its path file); otherwise `shared` is false, `explanation` says why and no numbers
 * are given.
 *
 * @public
 */
export interface TeamLearningProgressResponse {
  groupRef: string;
  shared: boolean;
  explanation: string | null;
  title: string | null;
  /** The path is labelled demo data (`metadata.labels.demo: "true"` of its file); false without a usable path. */
  demo: boolean;
  /** Members (users of the Group) counted. */
  memberCount: number;
  /** Members who finished every item. */
  completedBy: number;
  items: TeamLearningItemProgress[];
}
