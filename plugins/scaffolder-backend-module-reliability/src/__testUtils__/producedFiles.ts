import {
  RUNBOOK_KINDS,
  SloDefinition,
  validateOpenSloDocuments,
} from '@internal/backstage-plugin-reliability-common';
import { parse, parseAllDocuments } from 'yaml';

/** Reads an OpenSLO file as the backend does: every document, validated by `validateOpenSloDocuments`. */
export function parseSloFile(text: string): SloDefinition[] {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    if (document.errors.length > 0) {
      throw new Error(`Invalid YAML: ${document.errors[0].message}`);
    }
  }
  const { slos, errors } = validateOpenSloDocuments(list.map(d => d.toJS()));
  if (errors.length > 0) {
    throw new Error(`Invalid OpenSLO: ${JSON.stringify(errors)}`);
  }
  return slos;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a runbook's front matter with the rules of the runbooks area
 * (plugins/reliability-backend/src/runbooks/sources/frontMatter.ts: keys id, title, kind, answers, owner,
 * lastReviewed; the id pattern, the kinds, a YYYY-MM-DD date), and returns it with the Markdown body.
 */
export function parseRunbookFile(text: string): {
  frontMatter: {
    id: string;
    title: string;
    kind: string;
    answers: string[];
    owner?: string;
    lastReviewed: string;
  };
  body: string;
} {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error('No front matter');
  const data = parse(match[1]);
  const problems: string[] = [];
  const known = ['id', 'title', 'kind', 'answers', 'owner', 'lastReviewed'];
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) problems.push(`unknown key ${key}`);
  }
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(data.id)) problems.push('id');
  if (typeof data.title !== 'string' || !data.title.trim()) {
    problems.push('title');
  }
  if (!(RUNBOOK_KINDS as readonly string[]).includes(data.kind)) {
    problems.push('kind');
  }
  if (
    !Array.isArray(data.answers) ||
    data.answers.some((a: unknown) => typeof a !== 'string' || !a.trim())
  ) {
    problems.push('answers');
  }
  if (data.owner !== undefined && typeof data.owner !== 'string') {
    problems.push('owner');
  }
  if (
    typeof data.lastReviewed !== 'string' ||
    !DATE.test(data.lastReviewed) ||
    Number.isNaN(Date.parse(data.lastReviewed))
  ) {
    problems.push('lastReviewed');
  }
  if (problems.length > 0) {
    throw new Error(`Invalid front matter: ${problems.join(', ')}`);
  }
  return { frontMatter: data, body: match[2] };
}
