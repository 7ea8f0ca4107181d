import { RunbookKind } from '@internal/backstage-plugin-reliability-common';
import { stringify } from 'yaml';

/** Pattern of a runbook id (the backend's `RUNBOOK_ID_PATTERN`). */
export const RUNBOOK_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** A title as a runbook id: lower case, `[a-z0-9._-]`, at most 100 characters. */
export function runbookIdOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 100)
    .replace(/[^a-z0-9]+$/, '');
  return slug || 'runbook';
}

/** What a template fills into a runbook skeleton. */
export interface RunbookRequest {
  kind: RunbookKind;
  id: string;
  title: string;
  /** SLO and alert names the document answers (links it to them in the portal). */
  answers: string[];
  owner?: string;
  /** YYYY-MM-DD. */
  lastReviewed: string;
  service?: string;
  /** Postmortem: when it happened, how bad, what happened. Pre-mortem: the event and its date. */
  incidentDate?: string;
  severity?: string;
  summary?: string;
  event?: string;
  eventDate?: string;
}

const TODO = '_To do._';

function about(request: RunbookRequest): string {
  return request.service ? ` of \`${request.service}\`` : '';
}

function runbookBody(request: RunbookRequest): string[] {
  return [
    `Use this runbook when ${
      request.answers.length > 0
        ? request.answers.map(a => `\`${a}\``).join(', ')
        : 'the alerts it answers'
    } fire${request.answers.length === 1 ? 's' : ''}${about(request)}.`,
    '',
    '## Check',
    '',
    '1. Open the SLO tab of the service: which SLO burns, since when, how fast?',
    '2. What changed recently (deploys, config, traffic, dependencies)?',
    '',
    '## Mitigate',
    '',
    TODO,
    '',
    '## Escalate',
    '',
    'Page the secondary on call after 30 minutes without progress.',
    '',
    '## Afterwards',
    '',
    'If the error budget took a hit, write a postmortem.',
  ];
}

function rollbackBody(request: RunbookRequest): string[] {
  return [
    `How to roll back${about(request)} to the previous release.`,
    '',
    '## When to roll back',
    '',
    'A release is the likely cause of an SLO burn and a fix is more than 15 minutes away.',
    '',
    '## Before you start',
    '',
    '- Tell the incident channel you are rolling back.',
    '- Check that the previous release is compatible with the current database schema.',
    '',
    '## Roll back',
    '',
    `1. ${TODO}`,
    '',
    '## Verify',
    '',
    'The burn rate falls back under 1x within the alert short window; error rates are back to normal.',
  ];
}

function postmortemBody(request: RunbookRequest): string[] {
  return [
    '> Blameless: we look for what in our systems let this happen, not who.',
    '',
    `- Date: ${request.incidentDate ?? TODO}`,
    `- Severity: ${request.severity ?? TODO}`,
    `- Service: ${request.service ?? TODO}`,
    '',
    '## Summary',
    '',
    request.summary ?? TODO,
    '',
    '## Impact',
    '',
    'Users affected, duration, SLOs breached and error budget spent.',
    '',
    '## Timeline (UTC)',
    '',
    '| Time | What happened |',
    '| ---- | ------------- |',
    '|      |               |',
    '',
    '## Root cause and trigger',
    '',
    TODO,
    '',
    '## What went well / what went badly / where we got lucky',
    '',
    TODO,
    '',
    '## Action items',
    '',
    '| Action | Type (prevent, detect, mitigate) | Owner | Due |',
    '| ------ | -------------------------------- | ----- | --- |',
    '|        |                                  |       |     |',
  ];
}

function premortemBody(request: RunbookRequest): string[] {
  const event = request.event ?? request.title;
  return [
    `_"It is the day after ${event}${
      request.eventDate ? ` (${request.eventDate})` : ''
    }. ${
      request.service ? `\`${request.service}\`` : 'The service'
    } failed badly. What happened?"_`,
    '',
    'Everyone writes the story of the failure in advance; then the team ranks the stories and agrees on what to do.',
    '',
    '## Failure stories',
    '',
    '| Failure story | Likelihood | Impact | Prevention | Owner |',
    '| ------------- | ---------- | ------ | ---------- | ----- |',
    '|               |            |        |            |       |',
    '',
    '## Agreed before the event',
    '',
    TODO,
    '',
    '## Watch during the event',
    '',
    'SLOs and alerts to watch, and who is on call.',
  ];
}

const BODIES: Record<RunbookKind, (request: RunbookRequest) => string[]> = {
  runbook: runbookBody,
  rollback: rollbackBody,
  postmortem: postmortemBody,
  premortem: premortemBody,
};

/**
 * A runbook, rollback, postmortem or pre-mortem skeleton: YAML front matter with the keys the runbooks area reads
 * (id, title, kind, answers, owner, lastReviewed), then a Markdown body with the sections of its kind.
 */
export function runbookMarkdown(request: RunbookRequest): string {
  const frontMatter = {
    id: request.id,
    title: request.title,
    kind: request.kind,
    answers: request.answers,
    ...(request.owner ? { owner: request.owner } : {}),
    lastReviewed: request.lastReviewed,
  };
  return [
    '---',
    stringify(frontMatter, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${request.title}`,
    '',
    ...BODIES[request.kind](request),
    '',
  ].join('\n');
}
