import { Entity } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ChecklistFixTemplate,
  CreateDeployGateOverrideRequest,
  DeployGateActivity,
  DeployGateOverride,
  DeployGateResponse,
  DeployGateUsageSummary,
  entityRefKey,
  RevokeDeployGateOverrideRequest,
} from '@internal/backstage-plugin-reliability-common';
import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { OutdatedSloDataAnswer } from '../config';
import { PolicyListener } from '../listener';
import { PolicyService } from '../PolicyService';
import { PolicyStore } from '../store/PolicyStore';
import { buildGateAnswer } from './gateAnswer';
import { sloDataOlderThanPolicyAllows } from './sloDataAge';

const DAY_MS = 24 * 3600_000;
/** Expired overrides shown beside the active ones. */
const RECENT_OVERRIDES_MS = 7 * DAY_MS;
/** Gate answers shown on the service. */
const ACTIVITY_ANSWERS = 20;

/**
 * The deploy gate: answers allow / warn / deny for an entity from its error-budget policy state, honours
 * break-glass overrides, and records each answer (bounded per entity) so the service shows the last ones.
 */
export class DeployGateService {
  constructor(
    private readonly options: {
      policy: PolicyService;
      store: PolicyStore;
      now: () => Date;
      answersPerEntity: number;
      maxOverrideMs: number;
      /** What to answer on outdated SLO figures (default `decide`: the policy's decision). */
      outdatedSloData?: OutdatedSloDataAnswer;
      /** Told about each override created or revoked (the notifications area); a failure to tell is logged, never the request's. */
      listener?: Pick<PolicyListener, 'overrideCreated' | 'overrideRevoked'>;
      logger?: LoggerService;
      /**
       * The software template that adds a step asking the gate to a pipeline (the checklist's fix template of its
       * `deploys-ask-gate` item), read at each request: the activity names it while no pipeline asks.
       */
      askTemplate?: () => ChecklistFixTemplate | undefined;
    },
  ) {}

  /** Evaluates the entity now and records the answer, asked by `askedBy` with optional pipeline `context`. */
  async answer(
    entity: Entity,
    askedBy: string,
    context: string | null,
  ): Promise<DeployGateResponse> {
    const answer = await this.decide(entity);
    await this.options.store.recordGateAnswer(
      {
        entityRef: answer.entityRef,
        decision: answer.decision,
        policyDecision: answer.policyDecision,
        overridden: answer.overridden,
        state: answer.state,
        askedBy,
        context,
        askedAt: answer.evaluatedAt,
      },
      this.options.answersPerEntity,
    );
    return answer;
  }

  /**
   * What the gate would answer now, without recording it among the answers (the policy evaluation itself is
   * recorded, as every evaluation is): for people and assistants asking "may I deploy?", not for pipelines.
   */
  async decide(entity: Entity): Promise<DeployGateResponse> {
    const { policy, store } = this.options;
    const evaluated = await policy.evaluate(entity);
    const [activeOverride] = await store.getOverrides(
      evaluated.entityRef,
      evaluated.evaluatedAt,
    );
    // Collection behind says why the figures are old; else a policy may allow less than collection's own limit.
    const overdue =
      evaluated.collectionOverdue ??
      sloDataOlderThanPolicyAllows(
        evaluated.slos,
        definition => policy.resolveSlo(evaluated.resolved, definition).policy,
        evaluated.evaluatedAt,
      );
    return buildGateAnswer({
      entityRef: evaluated.entityRef,
      policyName: evaluated.resolved.policy.name,
      states: evaluated.states,
      slos: evaluated.slos,
      activeOverride,
      evaluatedAt: evaluated.evaluatedAt,
      collectionOverdue: overdue,
      outdatedSloData: this.options.outdatedSloData,
    });
  }

  /** Records a break-glass override; `expiresAt` must lie in the future, within the configured maximum. */
  async createOverride(
    entity: Entity,
    request: CreateDeployGateOverrideRequest,
    createdBy: string,
  ): Promise<DeployGateOverride> {
    const now = this.options.now();
    const expiresAt = new Date(request.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) {
      throw new InputError('Invalid override: expiresAt must be in the future');
    }
    if (expiresAt.getTime() - now.getTime() > this.options.maxOverrideMs) {
      throw new InputError(
        `Invalid override: expiresAt must be at most ${
          this.options.maxOverrideMs / 3600_000
        } hours ahead (reliability.policy.deployGate.maxOverrideDuration)`,
      );
    }
    const override: DeployGateOverride = {
      id: randomUUID(),
      entityRef: entityRefKey(entity),
      reason: request.reason,
      createdBy,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    await this.options.store.createOverride(override);
    await this.tell(override, listener => listener.overrideCreated(override));
    return override;
  }

  /**
   * Ends an active override early (now, or at `endsAt` before its expiry), recording who and why. 404 for an
   * override the entity does not have, 409 for one that already expired or was revoked, 400 for an `endsAt` in
   * the past or not before the expiry.
   */
  async revokeOverride(
    entity: Entity,
    id: string,
    request: RevokeDeployGateOverrideRequest,
    revokedBy: string,
  ): Promise<DeployGateOverride> {
    const entityRef = entityRefKey(entity);
    const { store } = this.options;
    const override = await store.getOverride(entityRef, id);
    if (!override) {
      throw new NotFoundError(
        `The deploy gate of ${entityRef} has no override '${id}'`,
      );
    }
    const now = this.options.now();
    if (override.revoked) {
      throw new ConflictError(
        `The override '${id}' was already revoked by ${override.revoked.by} at ${override.revoked.at}`,
      );
    }
    if (new Date(override.expiresAt).getTime() <= now.getTime()) {
      throw new ConflictError(
        `The override '${id}' already expired at ${override.expiresAt}`,
      );
    }
    const endsAt = request.endsAt ? new Date(request.endsAt) : now;
    if (endsAt.getTime() < now.getTime()) {
      throw new InputError(
        'Invalid override revocation: endsAt must not be in the past',
      );
    }
    if (endsAt.getTime() >= new Date(override.expiresAt).getTime()) {
      throw new InputError(
        `Invalid override revocation: endsAt must be before the override expires (${override.expiresAt})`,
      );
    }
    const revoked = {
      at: endsAt.toISOString(),
      by: revokedBy,
      reason: request.reason,
    };
    if (!(await store.revokeOverride(entityRef, id, revoked))) {
      throw new ConflictError(`The override '${id}' was already revoked`);
    }
    const ended = { ...override, revoked };
    await this.tell(ended, listener => listener.overrideRevoked(ended));
    return ended;
  }

  /** Tells the listener about an override; a failure is logged and never fails the request that changed it. */
  private async tell(
    override: DeployGateOverride,
    told: (
      listener: Pick<PolicyListener, 'overrideCreated' | 'overrideRevoked'>,
    ) => Promise<void>,
  ): Promise<void> {
    const { listener, logger } = this.options;
    if (!listener) return;
    try {
      await told(listener);
    } catch (error) {
      logger?.warn(
        `Telling about the deploy-gate override ${override.id} of ${override.entityRef} failed: ${error}`,
      );
    }
  }

  /**
   * When the gate was last asked about each entity, by whom and what it answered (one query per batch; entities
   * never asked are absent): the checklist's automatic `deploys-ask-gate` item.
   */
  async lastAnswers(
    entityRefs: string[],
  ): Promise<Map<string, DeployGateUsageSummary>> {
    const answers = await this.options.store.getLastGateAnswers(entityRefs);
    return new Map(
      [...answers].map(([entityRef, answer]) => [
        entityRef,
        {
          entityRef,
          lastAskedAt: answer.askedAt,
          lastAskedBy: answer.askedBy,
          lastDecision: answer.decision,
        },
      ]),
    );
  }

  /**
   * The last gate answers of an entity, its active overrides and those that expired or were revoked in the last
   * 7 days.
   */
  async activity(entity: Entity): Promise<DeployGateActivity> {
    const entityRef = entityRefKey(entity);
    const now = this.options.now();
    const [answers, overrides] = await Promise.all([
      this.options.store.getGateAnswers(entityRef, ACTIVITY_ANSWERS),
      this.options.store.getOverrides(
        entityRef,
        new Date(now.getTime() - RECENT_OVERRIDES_MS),
      ),
    ]);
    // An override is active until it expires or until the end its revocation gave it.
    const isActive = (o: DeployGateOverride) =>
      new Date(o.revoked?.at ?? o.expiresAt).getTime() > now.getTime() &&
      new Date(o.expiresAt).getTime() > now.getTime();
    const askTemplate = this.options.askTemplate?.();
    return {
      entityRef,
      answers,
      activeOverrides: overrides.filter(isActive),
      recentOverrides: overrides.filter(o => !isActive(o)),
      ...(askTemplate && { askTemplate }),
    };
  }
}
