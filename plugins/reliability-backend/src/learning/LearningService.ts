import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  LearningPath,
  LearningPathProblem,
  LearningProgressRequest,
  LearningProgressResponse,
  MyLearningPathsResponse,
  RunbookEntry,
  TeamLearningProgressResponse,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import {
  GroupLearningPath,
  LearningPathReader,
} from './paths/LearningPathReader';
import { resolveItems } from './paths/resolveItems';
import { LearningRunbookIndex } from './sources';
import { LearningStore } from './store/LearningStore';

/** Most groups of one user whose paths are read. */
export const MAX_GROUPS = 20;
/** Most members counted for a team's aggregated progress. */
const MAX_MEMBERS = 2000;
/** Path files read at once. */
const READ_CONCURRENCY = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

function groupRefsIn(refs: Iterable<string>): string[] {
  const groups = new Set<string>();
  for (const ref of refs) {
    try {
      const key = entityRefKey(parseEntityRef(ref));
      if (key.startsWith('group:')) groups.add(key);
    } catch {
      // Not an entity ref: not a group either.
    }
  }
  return [...groups];
}

/** Options of {@link LearningService}. */
export interface LearningServiceOptions {
  catalog: CatalogService;
  userInfo: UserInfoService;
  reader: LearningPathReader;
  store: LearningStore;
  runbookIndex?: LearningRunbookIndex;
  now: () => Date;
}

/**
 * Learning paths of teams (onboarding as code, read from the file a Group's `learning-path` annotation names) and
 * each user's own progress through them. A user sees the paths of the groups they belong to (membership relations
 * and ownership claims) and ticks items of those paths only; a team's aggregated progress is given only when its
 * path file opts in (`spec.shareProgress: true`).
 */
export class LearningService {
  private readonly options: LearningServiceOptions;

  constructor(options: LearningServiceOptions) {
    this.options = options;
  }

  /** The signed-in user's entity ref and their groups (normalised, at most MAX_GROUPS). */
  private async whoIs(credentials: BackstageCredentials) {
    const { catalog, userInfo } = this.options;
    const info = await userInfo.getUserInfo(credentials);
    const userRef = entityRefKey(parseEntityRef(info.userEntityRef));
    const user = await catalog.getEntityByRef(userRef, { credentials });
    const memberOf = (user?.relations ?? [])
      .filter(relation => relation.type === 'memberOf')
      .map(relation => relation.targetRef);
    const groupRefs = groupRefsIn([
      ...memberOf,
      ...info.ownershipEntityRefs,
    ]).sort();
    return { userRef, groupRefs: groupRefs.slice(0, MAX_GROUPS) };
  }

  private async loadPaths(
    groups: Entity[],
  ): Promise<Array<GroupLearningPath & { group: Entity }>> {
    const loaded = await mapWithConcurrency(
      groups,
      READ_CONCURRENCY,
      async group => {
        const path = await this.options.reader.load(group);
        return path ? { ...path, group } : undefined;
      },
    );
    return loaded.filter(
      (p): p is GroupLearningPath & { group: Entity } => p !== undefined,
    );
  }

  private async runbooksOf(
    paths: GroupLearningPath[],
  ): Promise<Map<string, RunbookEntry[]>> {
    const refs = new Set<string>();
    for (const { path } of paths) {
      for (const item of path?.items ?? []) {
        if (
          (item.kind === 'runbook' || item.kind === 'postmortem') &&
          item.entityRef
        ) {
          refs.add(item.entityRef);
        }
      }
    }
    if (!this.options.runbookIndex || refs.size === 0) return new Map();
    return this.options.runbookIndex.getRunbooks([...refs]);
  }

  /** The learning paths of the signed-in user's groups with the user's progress, and the problems of bad files. */
  async myPaths(
    credentials: BackstageCredentials,
  ): Promise<MyLearningPathsResponse> {
    const { catalog, store } = this.options;
    const { userRef, groupRefs } = await this.whoIs(credentials);
    if (groupRefs.length === 0) {
      return { userEntityRef: userRef, groupRefs, paths: [], problems: [] };
    }
    const { items: groupEntities } = await catalog.getEntitiesByRefs(
      { entityRefs: groupRefs },
      { credentials },
    );
    const groups = groupEntities.filter((g): g is Entity => Boolean(g));
    const loaded = await this.loadPaths(groups);
    const [runbooks, progress] = await Promise.all([
      this.runbooksOf(loaded),
      store.listProgressOf(
        userRef,
        loaded.map(p => p.groupRef),
      ),
    ]);
    const paths: LearningPath[] = [];
    const problems: LearningPathProblem[] = [];
    for (const entry of loaded) {
      if (!entry.path) {
        problems.push({
          groupRef: entry.groupRef,
          source: entry.source,
          message: entry.error,
        });
        continue;
      }
      const doneAt = new Map(
        progress
          .filter(row => row.groupRef === entry.groupRef)
          .map(row => [row.itemId, row.doneAt]),
      );
      const items = resolveItems(entry.path.items, runbooks, doneAt);
      paths.push({
        groupRef: entry.groupRef,
        groupTitle: entry.group.metadata.title ?? entry.group.metadata.name,
        title: entry.path.title,
        description: entry.path.description,
        source: entry.source,
        shareProgress: entry.path.shareProgress,
        demo: entry.path.demo,
        items,
        doneCount: items.filter(item => item.doneAt).length,
      });
    }
    return { userEntityRef: userRef, groupRefs, paths, problems };
  }

  /**
   * Ticks an item of one of the signed-in user's paths off (or un-ticks it). Only the user's own progress, only
   * in a Group they belong to, only an item of that Group's path: anything else is a 404.
   */
  async setDone(
    credentials: BackstageCredentials,
    request: LearningProgressRequest,
  ): Promise<LearningProgressResponse> {
    const { catalog, reader, store, now } = this.options;
    const { userRef, groupRefs } = await this.whoIs(credentials);
    const groupRef = entityRefKey(parseEntityRef(request.group));
    const notFound = () =>
      new NotFoundError(
        `No item '${request.itemId}' in a learning path of your team ${groupRef}`,
      );
    if (!groupRefs.includes(groupRef)) throw notFound();
    const group = await catalog.getEntityByRef(groupRef, { credentials });
    const loaded = group ? await reader.load(group) : undefined;
    if (!loaded?.path?.items.some(item => item.id === request.itemId)) {
      throw notFound();
    }
    const row = { userRef, groupRef, itemId: request.itemId };
    if (request.done) {
      const doneAt = await store.markDone(row, now());
      return { group: groupRef, itemId: request.itemId, doneAt };
    }
    await store.markNotDone(row);
    return { group: groupRef, itemId: request.itemId, doneAt: null };
  }

  /**
   * A team's aggregated progress (per item: how many members ticked it off) when its path opts in to sharing;
   * otherwise no numbers and an explanation. The Group is read with the caller's credentials (404 if invisible).
   */
  async teamProgress(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<TeamLearningProgressResponse> {
    const { catalog, reader, store } = this.options;
    const group = await catalog.getEntityByRef(groupRef, { credentials });
    if (!group) {
      throw new NotFoundError(`No entity ${groupRef} in the catalog`);
    }
    const closed = (
      explanation: string,
      title: string | null = null,
      demo = false,
    ) => ({
      groupRef,
      shared: false,
      explanation,
      title,
      demo,
      memberCount: 0,
      completedBy: 0,
      items: [],
    });
    const loaded = await reader.load(group);
    if (!loaded) {
      return closed(
        'The team has no learning path (no learning-path annotation on the Group).',
      );
    }
    if (!loaded.path) {
      return closed(`The team's learning path cannot be used: ${loaded.error}`);
    }
    if (!loaded.path.shareProgress) {
      return closed(
        "The team keeps its members' learning progress private. It shares aggregated numbers only when its learning path file sets spec.shareProgress: true.",
        loaded.path.title,
        loaded.path.demo,
      );
    }
    const members = await queryAllEntities(
      catalog,
      {
        filter: { kind: 'user', 'relations.memberOf': groupRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
        maxEntities: MAX_MEMBERS,
      },
      credentials,
    );
    const memberRefs = members.map(member => entityRefKey(member));
    const rows = await store.listGroupProgress(groupRef, memberRefs);
    const itemIds = new Set(loaded.path.items.map(item => item.id));
    const doneBy = new Map<string, number>();
    const doneCount = new Map<string, number>();
    for (const row of rows) {
      if (!itemIds.has(row.itemId)) continue;
      doneBy.set(row.itemId, (doneBy.get(row.itemId) ?? 0) + 1);
      doneCount.set(row.userRef, (doneCount.get(row.userRef) ?? 0) + 1);
    }
    const items = resolveItems(loaded.path.items, new Map(), new Map());
    return {
      groupRef,
      shared: true,
      explanation: null,
      title: loaded.path.title,
      demo: loaded.path.demo,
      memberCount: memberRefs.length,
      completedBy: [...doneCount.values()].filter(n => n === itemIds.size)
        .length,
      items: items.map(item => ({
        id: item.id,
        title: item.title,
        kind: item.kind,
        doneBy: doneBy.get(item.id) ?? 0,
      })),
    };
  }

  /**
   * Retention (with the plugin's own credentials): deletes progress done more than `retentionDays` ago of items no
   * longer in their Group's path (every item of a Group gone from the catalog or without a path) and of users gone
   * from the catalog. A path file that cannot be read or is invalid deletes nothing, so a broken edit loses no
   * progress. Returns how many rows it deleted.
   */
  async applyRetention(
    retentionDays: number,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<number> {
    const { catalog, reader, store, now } = this.options;
    const before = new Date(now().getTime() - retentionDays * DAY_MS);
    let deleted = 0;
    const groupRefs = await store.listGroupRefs();
    for (const refs of chunk(groupRefs, 100)) {
      if (signal?.aborted) return deleted;
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials },
      );
      const paths = await mapWithConcurrency(
        refs,
        READ_CONCURRENCY,
        async (ref, i) => {
          const group = items[i];
          return { ref, path: group ? await reader.load(group) : undefined };
        },
      );
      for (const { ref, path } of paths) {
        if (path && !path.path) continue;
        const keep = path?.path?.items.map(item => item.id) ?? [];
        deleted += await store.deleteItemsNotIn(ref, keep, before);
      }
    }
    const userRefs = await store.listUserRefs();
    for (const refs of chunk(userRefs, 500)) {
      if (signal?.aborted) return deleted;
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata.name'] },
        { credentials },
      );
      const gone = refs.filter((_ref, i) => !items[i]);
      if (gone.length > 0) {
        deleted += await store.deleteUsers(gone, before);
      }
    }
    return deleted;
  }
}
