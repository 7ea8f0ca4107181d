import {
  ActionItemView,
  Incident,
  IncidentView,
  incidentDurations,
  isActionItemOpen,
  isAtLeastAsSevere,
  PostmortemPolicy,
  PostmortemReference,
  UpcomingLaunch,
} from '@internal/backstage-plugin-reliability-common';
import { businessDaysDeadline, endOfLocalDay, localDate } from './businessDays';
import { IncidentDocument } from './IncidentDocumentSource';

/** Documents that read without error. */
function readable(documents: IncidentDocument[]): IncidentDocument[] {
  return documents.filter(d => d.entry.error === null);
}

function isPostmortem(document: IncidentDocument): boolean {
  return document.entry.kind === 'postmortem';
}

function reference(document: IncidentDocument): PostmortemReference {
  return { id: document.entry.id, title: document.entry.title };
}

/** The postmortems naming each incident id (lower-cased: ids are compared case-insensitively). */
export function postmortemsByIncident(
  documents: IncidentDocument[],
): Map<string, PostmortemReference[]> {
  const byId = new Map<string, PostmortemReference[]>();
  for (const document of readable(documents).filter(isPostmortem)) {
    for (const id of document.details?.incidents ?? []) {
      const key = id.toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), reference(document)]);
    }
  }
  return byId;
}

/**
 * Whether an incident has the postmortem it needs. Incidents of the policy's severity or worse need one by the
 * end of the policy's number of business days after their resolution (team time zone); an incident still open
 * has no deadline yet.
 */
export function postmortemStatus(
  incident: Incident,
  documents: PostmortemReference[],
  policy: PostmortemPolicy,
  now: Date,
): IncidentView['postmortem'] {
  const required = isAtLeastAsSevere(incident.severity, policy.severity);
  const dueAt =
    required && incident.resolvedAt
      ? businessDaysDeadline(
          new Date(incident.resolvedAt),
          policy.businessDays,
          policy.timeZone,
        )
      : null;
  let state: IncidentView['postmortem']['state'];
  if (documents.length > 0) state = 'written';
  else if (!required) state = 'not-required';
  else if (dueAt && now.getTime() >= dueAt.getTime()) state = 'overdue';
  else state = 'due';
  return { state, dueAt: dueAt?.toISOString() ?? null, documents };
}

/** Incidents with their durations and postmortem state. */
export function incidentViews(
  incidents: Incident[],
  documents: IncidentDocument[],
  policy: PostmortemPolicy,
  now: Date,
): IncidentView[] {
  const linked = postmortemsByIncident(documents);
  return incidents.map(incident => ({
    ...incident,
    ...incidentDurations(incident, now),
    postmortem: postmortemStatus(
      incident,
      linked.get(incident.id.toLowerCase()) ?? [],
      policy,
      now,
    ),
  }));
}

/** The action items of every postmortem and pre-mortem, each marked overdue when open past its due day. */
export function actionItemViews(
  documents: IncidentDocument[],
  now: Date,
  timeZone: string,
): ActionItemView[] {
  return readable(documents)
    .filter(d => d.entry.kind === 'postmortem' || d.entry.kind === 'premortem')
    .flatMap(document =>
      (document.details?.actionItems ?? []).map(item => ({
        ...item,
        postmortemId: document.entry.id,
        postmortemTitle: document.entry.title,
        overdue:
          isActionItemOpen(item) &&
          item.due !== null &&
          now.getTime() >= endOfLocalDay(item.due, timeZone).getTime(),
      })),
    );
}

/** Open action items, overdue first, then by due date (undated last), then by title. */
export function openActionItemsInOrder(
  items: ActionItemView[],
): ActionItemView[] {
  return items
    .filter(isActionItemOpen)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.title.localeCompare(b.title),
    );
}

/** Launches from today on (team time zone) that documents name, soonest first, with the rollback runbooks. */
export function upcomingLaunches(
  documents: IncidentDocument[],
  now: Date,
  timeZone: string,
): UpcomingLaunch[] {
  const today = localDate(now, timeZone);
  const rollbacks = readable(documents)
    .filter(d => d.entry.kind === 'rollback')
    .map(reference);
  return readable(documents)
    .filter(d => d.details?.launchDate && d.details.launchDate >= today)
    .map(document => ({
      date: document.details!.launchDate!,
      documentId: document.entry.id,
      title: document.entry.title,
      url: document.entry.url,
      kind: document.entry.kind,
      hasPremortem: document.entry.kind === 'premortem',
      rollbacks,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
