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
  escalationPolicyResponseSchema,
  oncallsResponseSchema,
  PagerDutyEscalationPolicy,
  PagerDutyOnCall,
  PagerDutyUser,
  scheduleResponseSchema,
  serviceResponseSchema,
} from './pagerDutyTypes';

const SERVICE_ID = /^[A-Z0-9]{1,32}$/i;
/** Page size of /oncalls (PagerDuty's maximum is 100). */
const PAGE_SIZE = 100;
/** Upper bound on pages, in case an API keeps answering `more: true`. */
const MAX_PAGES = 20;
/** Rotations whose members are looked up (schedules of the first two levels). */
const MEMBER_LEVELS = 2;

/** The provider's id, stored with its snapshots. */
export const PAGERDUTY_PROVIDER_ID = 'pagerduty';

/** True for entities annotated `pagerduty.com/service-id`: the entities the provider serves. */
export function hasPagerDutyService(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[ANNOTATIONS.pagerDutyServiceId]?.trim(),
  );
}

function toPerson(user: PagerDutyUser): OnCallPerson {
  return {
    name: user.name ?? user.summary ?? user.email ?? user.id,
    email: user.email?.toLowerCase() ?? undefined,
    externalId: user.id,
  };
}

function toShift(
  oncall: PagerDutyOnCall,
  at: Date,
  horizonEnd: Date,
): OnCallShift {
  return {
    person: toPerson(oncall.user),
    escalationLevel: oncall.escalation_level,
    scheduleName: oncall.schedule?.summary ?? undefined,
    // Always-on-call entries (a user targeted directly) have no start or end.
    start: oncall.start ?? at.toISOString(),
    end: oncall.end ?? horizonEnd.toISOString(),
    timeZone: oncall.user.time_zone ?? undefined,
  };
}

/**
 * On-call from PagerDuty for entities annotated `pagerduty.com/service-id`: the service's escalation policy,
 * who is on call per level and the upcoming shifts (REST API v2).
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly id = PAGERDUTY_PROVIDER_ID;

  constructor(private readonly client: ProviderHttpClient) {}

  supports(entity: Entity): boolean {
    return hasPagerDutyService(entity);
  }

  async getOnCall(request: OnCallRequest): Promise<OnCallSnapshot> {
    const serviceId =
      request.entity.metadata.annotations?.[
        ANNOTATIONS.pagerDutyServiceId
      ]?.trim() ?? '';
    if (!SERVICE_ID.test(serviceId)) {
      throw new InputError(
        `Invalid ${ANNOTATIONS.pagerDutyServiceId} annotation '${serviceId}'`,
      );
    }
    const { signal } = request;
    const { service } = parseProviderResponse(
      'PagerDuty',
      serviceResponseSchema,
      await this.client.getJson(`/services/${serviceId}`, {
        query: [['include[]', 'escalation_policies']],
        signal,
        describeError: ({ status }) =>
          status === 404
            ? `PagerDuty service ${serviceId} not found (HTTP 404)`
            : undefined,
      }),
      'service',
    );
    const policy = await this.escalationPolicy(
      service.escalation_policy,
      signal,
    );
    const horizonEnd = new Date(
      request.at.getTime() + request.horizonDays * 86_400_000,
    );
    const oncalls = await this.oncalls(
      policy.id,
      request.at,
      horizonEnd,
      signal,
    );

    const at = request.at.getTime();
    const shifts = oncalls.map(o => toShift(o, request.at, horizonEnd));
    const current = shifts
      .filter(
        s =>
          Date.parse(s.start) <= at &&
          (s.end === null || at < Date.parse(s.end)),
      )
      .sort((a, b) => a.escalationLevel - b.escalationLevel);
    const upcoming = shifts
      .filter(s => Date.parse(s.start) > at)
      .sort((a, b) => a.start.localeCompare(b.start));
    const next = [...new Set(upcoming.map(s => s.escalationLevel))]
      .sort((a, b) => a - b)
      .map(level => upcoming.find(s => s.escalationLevel === level)!);

    const rules = policy.escalation_rules ?? [];
    const escalation: EscalationLevel[] = rules.map((rule, index) => ({
      level: index + 1,
      escalateAfterMinutes: rule.escalation_delay_in_minutes ?? undefined,
      targets: rule.targets.map(target =>
        target.type.startsWith('schedule')
          ? { kind: 'schedule' as const, name: target.summary ?? target.id }
          : {
              kind: 'person' as const,
              name: target.summary ?? target.id,
              person: {
                name: target.summary ?? target.id,
                externalId: target.id,
              },
            },
      ),
    }));
    const rotations = await this.rotations(rules, signal);
    return {
      provider: this.id,
      // Only http(s) links reach the page.
      externalUrl: isHttpUrl(service.html_url) ? service.html_url! : undefined,
      current,
      next,
      upcoming,
      escalation,
      rotations,
      computedAt: request.at.toISOString(),
    };
  }

  private async escalationPolicy(
    included: PagerDutyEscalationPolicy,
    signal?: AbortSignal,
  ): Promise<PagerDutyEscalationPolicy> {
    if (included.escalation_rules) return included;
    const body = await this.client.getJson(
      `/escalation_policies/${included.id}`,
      { signal },
    );
    return parseProviderResponse(
      'PagerDuty',
      escalationPolicyResponseSchema,
      body,
      'escalation policy',
    ).escalation_policy;
  }

  private async oncalls(
    policyId: string,
    since: Date,
    until: Date,
    signal?: AbortSignal,
  ): Promise<PagerDutyOnCall[]> {
    const all: PagerDutyOnCall[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const body = parseProviderResponse(
        'PagerDuty',
        oncallsResponseSchema,
        await this.client.getJson('/oncalls', {
          query: [
            ['escalation_policy_ids[]', policyId],
            ['since', since.toISOString()],
            ['until', until.toISOString()],
            ['include[]', 'users'],
            ['limit', String(PAGE_SIZE)],
            ['offset', String(offset)],
          ],
          signal,
        }),
        'on-call list',
      );
      all.push(...body.oncalls);
      if (!body.more || body.oncalls.length === 0) break;
      offset += body.oncalls.length;
    }
    return all;
  }

  /** Members of the schedules of the first levels, to tell single-person rotations. */
  private async rotations(
    rules: NonNullable<PagerDutyEscalationPolicy['escalation_rules']>,
    signal?: AbortSignal,
  ): Promise<OnCallRotation[]> {
    const rotations: OnCallRotation[] = [];
    for (const [index, rule] of rules.slice(0, MEMBER_LEVELS).entries()) {
      for (const target of rule.targets.filter(t =>
        t.type.startsWith('schedule'),
      )) {
        const { schedule } = parseProviderResponse(
          'PagerDuty',
          scheduleResponseSchema,
          await this.client.getJson(`/schedules/${target.id}`, { signal }),
          'schedule',
        );
        const users = schedule.schedule_layers?.length
          ? schedule.schedule_layers.flatMap(layer =>
              layer.users.map(u => u.user),
            )
          : schedule.users ?? [];
        const seen = new Set<string>();
        rotations.push({
          level: index + 1,
          scheduleName: schedule.name ?? schedule.summary ?? schedule.id,
          members: users
            .filter(user => !seen.has(user.id) && seen.add(user.id))
            .map(toPerson),
        });
      }
    }
    return rotations;
  }
}
