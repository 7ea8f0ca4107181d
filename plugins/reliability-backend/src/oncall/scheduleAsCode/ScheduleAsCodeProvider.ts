import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EscalationLevel,
  OnCallPerson,
  OnCallRotation,
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import {
  OnCallProvider,
  OnCallRequest,
} from '@internal/backstage-plugin-reliability-node';
import { personFromMember, personKey } from '../people';
import { compareShiftStart } from '../shiftOrder';
import { CompiledSchedule } from './compileSchedule';
import { ScheduleRepository } from './ScheduleRepository';
import { ScheduleTimelines } from './scheduleTimelines';
import { EscalationPolicySpec } from './schema';
import { DAY_MS } from './wallClock';

/** Id of the built-in provider, as stored with snapshots. */
export const SCHEDULE_AS_CODE_PROVIDER_ID = 'schedule-as-code';

/** How far back the current shift's start is looked for. */
const LOOKBACK_MS = 91 * DAY_MS;

type PolicyLevel = EscalationPolicySpec['levels'][number];

/** Error for an entity whose annotations point at schedules or policies that do not exist. */
export class ScheduleNotFoundError extends Error {
  name = 'ScheduleNotFoundError';
}

function annotation(entity: Entity, name: string): string | undefined {
  const value = entity.metadata.annotations?.[name]?.trim();
  return value ? value : undefined;
}

function toShift(
  schedule: CompiledSchedule,
  level: number,
  person: OnCallPerson,
  startMs: number,
  endMs: number,
): OnCallShift {
  return {
    person,
    escalationLevel: level,
    scheduleName: schedule.name,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    timeZone: schedule.zone,
  };
}

function uniquePeople(people: OnCallPerson[]): OnCallPerson[] {
  const seen = new Map<string, OnCallPerson>();
  for (const person of people) {
    if (!seen.has(personKey(person))) seen.set(personKey(person), person);
  }
  return [...seen.values()];
}

/**
 * The built-in on-call provider: schedules and escalation policies as code (YAML files in the
 * backend's config), referenced from entities by the `oncall-schedule` / `escalation-policy` annotations.
 */
export class ScheduleAsCodeProvider implements OnCallProvider {
  readonly id = SCHEDULE_AS_CODE_PROVIDER_ID;

  private readonly repository: ScheduleRepository;
  /** Each schedule's timeline, computed once for the many services that share the schedule. */
  private readonly timelines = new ScheduleTimelines();

  constructor(options: { repository: ScheduleRepository }) {
    this.repository = options.repository;
  }

  supports(entity: Entity): boolean {
    return Boolean(
      annotation(entity, ANNOTATIONS.onCallSchedule) ||
        annotation(entity, ANNOTATIONS.escalationPolicy),
    );
  }

  /** The escalation levels of an entity: its policy, or its schedule as the only level. */
  private levelsOf(entity: Entity): {
    levels: PolicyLevel[];
    contact?: Array<{ type: string; value: string }>;
  } {
    const policyId = annotation(entity, ANNOTATIONS.escalationPolicy);
    const scheduleId = annotation(entity, ANNOTATIONS.onCallSchedule);
    const loadErrors = this.repository.current().errors;
    const hint = loadErrors.length
      ? ` (schedule files have errors: ${loadErrors.join('; ')})`
      : '';
    if (policyId) {
      const policy = this.repository.getPolicy(policyId);
      if (!policy) {
        throw new ScheduleNotFoundError(
          `Escalation policy '${policyId}' is not defined in ${this.describeFiles()}${hint}`,
        );
      }
      return { levels: policy.levels, contact: policy.contact };
    }
    if (!this.repository.getSchedule(scheduleId!)) {
      throw new ScheduleNotFoundError(
        `On-call schedule '${scheduleId}' is not defined in ${this.describeFiles()}${hint}`,
      );
    }
    return { levels: [{ targets: [{ schedule: scheduleId! }] }] };
  }

  private describeFiles(): string {
    const files = this.repository.files;
    return files.length
      ? `reliability.onCall.scheduleFiles (${files.join(', ')})`
      : 'any schedule file (reliability.onCall.scheduleFiles is not set)';
  }

  private scheduleOf(id: string): CompiledSchedule {
    const schedule = this.repository.getSchedule(id);
    if (!schedule) {
      throw new ScheduleNotFoundError(
        `On-call schedule '${id}' is not defined`,
      );
    }
    return schedule;
  }

  async getOnCall(request: OnCallRequest): Promise<OnCallSnapshot> {
    const at = request.at.getTime();
    const horizonEnd = at + request.horizonDays * DAY_MS;
    const { levels, contact } = this.levelsOf(request.entity);
    const current: OnCallShift[] = [];
    const next: OnCallShift[] = [];
    const upcoming: OnCallShift[] = [];
    const escalation: EscalationLevel[] = [];
    const rotations: OnCallRotation[] = [];
    let scheduleContact: typeof contact;

    levels.forEach((policyLevel, index) => {
      const level = index + 1;
      const levelUpcoming: OnCallShift[] = [];
      const targets: EscalationLevel['targets'] = [];
      for (const target of policyLevel.targets) {
        if ('user' in target) {
          const person = personFromMember(target.user);
          targets.push({ kind: 'person', name: person.name, person });
          continue;
        }
        const schedule = this.scheduleOf(target.schedule);
        scheduleContact ??= schedule.contact;
        targets.push({ kind: 'schedule', name: schedule.name });
        rotations.push({
          level,
          scheduleName: schedule.name,
          members: uniquePeople(schedule.layers.flatMap(l => l.members)),
        });
        for (const segment of this.timelines.segments(
          schedule,
          at - LOOKBACK_MS,
          horizonEnd,
        )) {
          // The look-back only finds where the current shift started: shifts that ended are not built (they were
          // most of the objects an on-call refresh made: 13 of a weekly rotation's 17 segments).
          if (!segment.person || segment.endMs <= at) continue;
          const shift = toShift(
            schedule,
            level,
            segment.person,
            segment.startMs,
            segment.endMs,
          );
          if (segment.startMs <= at) {
            current.push(shift);
          } else {
            levelUpcoming.push(shift);
          }
        }
      }
      levelUpcoming.sort(compareShiftStart);
      if (levelUpcoming.length) next.push(levelUpcoming[0]);
      upcoming.push(...levelUpcoming);
      escalation.push({
        level,
        escalateAfterMinutes: policyLevel.escalateAfterMinutes,
        targets,
        runbook: policyLevel.runbook,
      });
    });

    upcoming.sort(compareShiftStart);
    return {
      provider: this.id,
      current,
      next,
      upcoming,
      escalation,
      rotations,
      contact: contact ?? scheduleContact,
      computedAt: request.at.toISOString(),
    };
  }

  /**
   * Every shift of the entity's rotations that overlaps [from, to), computed from the schedules as they
   * are defined now. Used to fill the shift history the team load is computed from.
   */
  getShiftsBetween(entity: Entity, from: Date, to: Date): OnCallShift[] {
    const { levels } = this.levelsOf(entity);
    const shifts: OnCallShift[] = [];
    levels.forEach((policyLevel, index) => {
      for (const target of policyLevel.targets) {
        if (!('schedule' in target)) continue;
        const schedule = this.scheduleOf(target.schedule);
        for (const segment of this.timelines.segments(
          schedule,
          from.getTime(),
          to.getTime(),
        )) {
          if (segment.person) {
            shifts.push(
              toShift(
                schedule,
                index + 1,
                segment.person,
                segment.startMs,
                segment.endMs,
              ),
            );
          }
        }
      }
    });
    return shifts;
  }
}
