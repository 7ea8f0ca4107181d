import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  EscalationLevel,
  isHttpUrl,
  OnCallPerson,
  OnCallRotation,
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import {
  OnCallProvider,
  OnCallRequest,
  parseProviderResponse,
  ProviderHttpClient,
} from '@internal/backstage-plugin-reliability-node';
import {
  escalationsResponseSchema,
  nextOnCallsResponseSchema,
  onCallsResponseSchema,
  OpsgenieEscalation,
  OpsgenieParticipant,
  OpsgenieSchedule,
  schedulesResponseSchema,
  teamResponseSchema,
  timelineResponseSchema,
} from './opsgenieTypes';

const TEAM_NAME = /^[^/?#]{1,100}$/;
/** Most schedules of one team that are read. */
const MAX_SCHEDULES = 5;

/** The provider's id, stored with its snapshots. */
export const OPSGENIE_PROVIDER_ID = 'opsgenie';

/** True for entities annotated `opsgenie.com/team`: the entities the provider serves. */
export function hasOpsgenieTeam(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[ANNOTATIONS.opsgenieTeam]?.trim(),
  );
}

/** Opsgenie usernames are email addresses. */
function toPerson(user: {
  id?: string;
  name?: string;
  username?: string;
}): OnCallPerson {
  const username = user.username ?? user.name ?? user.id ?? 'unknown';
  const isEmail = username.includes('@');
  return {
    name: isEmail ? username.split('@')[0] : username,
    email: isEmail ? username.toLowerCase() : undefined,
    externalId: user.id,
  };
}

/** Users among on-call participants, flattening teams and escalations. */
function users(participants: OpsgenieParticipant[]): OpsgenieParticipant[] {
  return participants.flatMap(p =>
    p.type === 'user' ? [p] : users(p.onCallParticipants ?? []),
  );
}

function minutes(delay?: { timeAmount: number; timeUnit?: string }): number {
  if (!delay) return 0;
  const unit = (delay.timeUnit ?? 'minutes').toLowerCase();
  if (unit.startsWith('hour')) return delay.timeAmount * 60;
  if (unit.startsWith('day')) return delay.timeAmount * 1440;
  return delay.timeAmount;
}

function toTarget(recipient: {
  type: string;
  id?: string;
  name?: string;
  username?: string;
}): EscalationLevel['targets'][number] {
  if (recipient.type === 'schedule' || recipient.type === 'team') {
    return {
      kind: recipient.type,
      name: recipient.name ?? recipient.id ?? recipient.type,
    };
  }
  return {
    kind: 'person',
    name: recipient.username ?? recipient.name ?? recipient.id ?? 'user',
    person: toPerson(recipient),
  };
}

function ownedBy(
  owner: { id?: string; name?: string } | undefined,
  team: { id: string; name: string },
) {
  return (
    owner?.id === team.id ||
    owner?.name?.toLowerCase() === team.name.toLowerCase()
  );
}

/**
 * On-call from Opsgenie for entities annotated `opsgenie.com/team`: the team's schedules (who is on call now,
 * the timeline of shifts, next on call) and its escalation (REST API v2).
 */
export class OpsgenieOnCallProvider implements OnCallProvider {
  readonly id = OPSGENIE_PROVIDER_ID;

  constructor(private readonly client: ProviderHttpClient) {}

  supports(entity: Entity): boolean {
    return hasOpsgenieTeam(entity);
  }

  async getOnCall(request: OnCallRequest): Promise<OnCallSnapshot> {
    const teamName =
      request.entity.metadata.annotations?.[ANNOTATIONS.opsgenieTeam]?.trim() ??
      '';
    if (!TEAM_NAME.test(teamName)) {
      throw new InputError(
        `Invalid ${ANNOTATIONS.opsgenieTeam} annotation '${teamName}'`,
      );
    }
    const { signal, at } = request;
    const horizonEnd = new Date(
      at.getTime() + request.horizonDays * 86_400_000,
    );
    const team = parseProviderResponse(
      'Opsgenie',
      teamResponseSchema,
      await this.client.getJson(`/v2/teams/${encodeURIComponent(teamName)}`, {
        query: [['identifierType', 'name']],
        signal,
        describeError: ({ status }) =>
          status === 404
            ? `Opsgenie team '${teamName}' not found (HTTP 404)`
            : undefined,
      }),
      'team',
    ).data;

    const schedules = parseProviderResponse(
      'Opsgenie',
      schedulesResponseSchema,
      await this.client.getJson('/v2/schedules', {
        query: [['expand', 'rotation']],
        signal,
      }),
      'schedule list',
    )
      .data.filter(s => s.enabled !== false && ownedBy(s.ownerTeam, team))
      .slice(0, MAX_SCHEDULES);
    const escalations = parseProviderResponse(
      'Opsgenie',
      escalationsResponseSchema,
      await this.client.getJson('/v2/escalations', { signal }),
      'escalation list',
    ).data.filter(e => ownedBy(e.ownerTeam, team));
    const escalation = escalations[0] as OpsgenieEscalation | undefined;
    const rules = [...(escalation?.rules ?? [])].sort(
      (a, b) => minutes(a.delay) - minutes(b.delay),
    );

    const levelOf = (schedule: OpsgenieSchedule): number | undefined => {
      if (!escalation) return schedules.indexOf(schedule) === 0 ? 1 : undefined;
      const index = rules.findIndex(
        rule =>
          rule.recipient.type === 'schedule' &&
          (rule.recipient.id === schedule.id ||
            rule.recipient.name === schedule.name),
      );
      return index >= 0 ? index + 1 : undefined;
    };

    const current: OnCallShift[] = [];
    const next: OnCallShift[] = [];
    const upcoming: OnCallShift[] = [];
    const rotations: OnCallRotation[] = [];
    for (const schedule of schedules) {
      const level = levelOf(schedule);
      if (level === undefined) continue;
      const shifts = await this.scheduleShifts(
        schedule,
        level,
        at,
        horizonEnd,
        signal,
      );
      current.push(...shifts.current);
      upcoming.push(...shifts.upcoming);
      if (shifts.next) next.push(shifts.next);
      const seen = new Set<string>();
      rotations.push({
        level,
        scheduleName: schedule.name,
        members: (schedule.rotations ?? [])
          .flatMap(r => r.participants ?? [])
          .filter(p => p.type === 'user')
          .map(toPerson)
          .filter(
            p => !seen.has(p.email ?? p.name) && seen.add(p.email ?? p.name),
          ),
      });
    }

    const levels: EscalationLevel[] = rules.map((rule, index) => ({
      level: index + 1,
      escalateAfterMinutes:
        index + 1 < rules.length
          ? minutes(rules[index + 1].delay) - minutes(rule.delay)
          : undefined,
      targets: [toTarget(rule.recipient)],
    }));
    const byLevel = (a: OnCallShift, b: OnCallShift) =>
      a.escalationLevel - b.escalationLevel;
    return {
      provider: this.id,
      // Only http(s) links reach the page.
      externalUrl: isHttpUrl(team.links?.web) ? team.links!.web : undefined,
      current: current.sort(byLevel),
      next: next.sort(byLevel),
      upcoming: upcoming.sort((a, b) => a.start.localeCompare(b.start)),
      escalation: levels.length
        ? levels
        : schedules.slice(0, 1).map(s => ({
            level: 1,
            targets: [{ kind: 'schedule' as const, name: s.name }],
          })),
      rotations,
      computedAt: at.toISOString(),
    };
  }

  /** Current, next and upcoming shifts of one schedule: who is on call now, the timeline, and the next on call. */
  private async scheduleShifts(
    schedule: OpsgenieSchedule,
    level: number,
    at: Date,
    horizonEnd: Date,
    signal?: AbortSignal,
  ): Promise<{
    current: OnCallShift[];
    upcoming: OnCallShift[];
    next?: OnCallShift;
  }> {
    const path = `/v2/schedules/${encodeURIComponent(schedule.id)}`;
    const date = at.toISOString();
    const onCalls = parseProviderResponse(
      'Opsgenie',
      onCallsResponseSchema,
      await this.client.getJson(`${path}/on-calls`, {
        query: [
          ['scheduleIdentifierType', 'id'],
          ['flat', 'false'],
          ['date', date],
        ],
        signal,
      }),
      'on-call participants',
    ).data.onCallParticipants;
    const days =
      Math.max(
        1,
        Math.ceil((horizonEnd.getTime() - at.getTime()) / 86_400_000),
      ) + 1;
    const timeline = parseProviderResponse(
      'Opsgenie',
      timelineResponseSchema,
      await this.client.getJson(`${path}/timeline`, {
        query: [
          ['identifierType', 'id'],
          ['date', new Date(at.getTime() - 86_400_000).toISOString()],
          ['interval', String(days)],
          ['intervalUnit', 'days'],
        ],
        signal,
      }),
      'schedule timeline',
    );
    const periods = (timeline.data.finalTimeline?.rotations ?? [])
      .flatMap(r => r.periods)
      .filter(p => p.recipient.type === 'user');
    const shift = (
      person: OnCallPerson,
      start: string,
      end: string | null | undefined,
    ): OnCallShift => ({
      person,
      escalationLevel: level,
      scheduleName: schedule.name,
      start,
      // An end Opsgenie does not give stays unknown.
      end: end ?? null,
      timeZone: schedule.timezone,
    });
    const now = at.getTime();
    const current = users(onCalls).map(user => {
      const person = toPerson(user);
      const period = periods.find(
        p =>
          (p.recipient.id === user.id ||
            toPerson(p.recipient).email === person.email) &&
          Date.parse(p.startDate) <= now &&
          (!p.endDate || now < Date.parse(p.endDate)),
      );
      // Without a timeline period the end of the current shift is unknown.
      return shift(person, period?.startDate ?? date, period?.endDate);
    });
    const upcoming = periods
      .filter(
        p =>
          Date.parse(p.startDate) > now &&
          Date.parse(p.startDate) < horizonEnd.getTime(),
      )
      .map(p => shift(toPerson(p.recipient), p.startDate, p.endDate))
      .sort((a, b) => a.start.localeCompare(b.start));
    let next = upcoming[0];
    if (!next) {
      const nextOnCalls = parseProviderResponse(
        'Opsgenie',
        nextOnCallsResponseSchema,
        await this.client.getJson(`${path}/next-on-calls`, {
          query: [
            ['scheduleIdentifierType', 'id'],
            ['flat', 'false'],
            ['date', date],
          ],
          signal,
        }),
        'next on-call participants',
      ).data.nextOnCallRecipients;
      const [user] = users(nextOnCalls);
      // The next shift starts when the current one ends; when that is unknown, so is the next shift.
      const handover = current[0]?.end;
      if (user && handover) next = shift(toPerson(user), handover, null);
    }
    return { current, upcoming, next };
  }
}
