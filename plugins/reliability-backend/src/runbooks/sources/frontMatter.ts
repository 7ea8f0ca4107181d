import {
  ACTION_ITEM_STATUSES,
  isHttpUrl,
  PostmortemDetails,
  RUNBOOK_KINDS,
} from '@internal/backstage-plugin-reliability-common';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fastYamlDocuments } from '../../shared/fastYamlDocuments';
import { RUNBOOK_ID_PATTERN } from '../runbookIds';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FRONT_MATTER_CHARS = 16 * 1024;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text)
  );
}

const nameSchema = z.string().trim().min(1).max(200);

const dateSchema = z
  .union([
    z.string().trim(),
    z.date().transform(d => d.toISOString().slice(0, 10)),
  ])
  .refine(isValidDate, { message: 'must be a date written as YYYY-MM-DD' });

/** An incident id as the incident source writes it (`Q2K8ABCD`, `INC-1042`; YAML may read `1042` as a number). */
const incidentIdSchema = z.union([
  z.string().trim().min(1).max(255),
  z
    .number()
    .int()
    .nonnegative()
    .transform(n => String(n)),
]);

/** `in progress`, `In-Progress`, `closed`, `won't do` and the like, as the statuses of ACTION_ITEM_STATUSES. */
function normaliseActionItemStatus(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value
    .trim()
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[\s_]+/g, '-');
  if (text === 'closed' || text === 'completed') return 'done';
  if (text === 'todo' || text === 'to-do') return 'open';
  return text;
}

const actionItemSchema = z.object({
  title: z.string().trim().min(1).max(500),
  owner: nameSchema.optional(),
  due: dateSchema.optional(),
  status: z
    .preprocess(normaliseActionItemStatus, z.enum(ACTION_ITEM_STATUSES))
    .default('open'),
  issue: z
    .string()
    .trim()
    .max(2000)
    .refine(isHttpUrl, { message: 'must be an http(s) URL' })
    .optional(),
});

/** Front matter of a Markdown runbook. Unknown keys are ignored. */
export const runbookFrontMatterSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(RUNBOOK_ID_PATTERN, {
      message:
        'must be 1-100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit',
    })
    .optional(),
  title: nameSchema.optional(),
  kind: z.enum(RUNBOOK_KINDS).default('runbook'),
  answers: z
    .union([
      z.array(nameSchema).max(100),
      z
        .string()
        .max(4000)
        .transform(s =>
          s
            .split(',')
            .map(p => p.trim())
            .filter(Boolean),
        ),
    ])
    .default([]),
  owner: nameSchema.optional(),
  lastReviewed: dateSchema.optional(),
  /** Postmortems: the ids of the incidents they explain (in the incident source). */
  incidents: z.array(incidentIdSchema).max(50).optional(),
  /** Postmortems and pre-mortems: the work they create. */
  actionItems: z.array(actionItemSchema).max(100).optional(),
  /** Pre-mortems: the date of the launch they prepare. */
  launchDate: dateSchema.optional(),
});

/** Validated front matter. */
export type RunbookFrontMatter = z.infer<typeof runbookFrontMatterSchema>;

/**
 * The postmortem part of a front matter (incidents, action items, launch date); undefined when it names none
 * of them.
 */
export function postmortemDetailsOf(
  frontMatter: RunbookFrontMatter,
): PostmortemDetails | undefined {
  const { incidents, actionItems, launchDate } = frontMatter;
  if (!incidents && !actionItems && !launchDate) return undefined;
  return {
    incidents: [...new Set(incidents ?? [])],
    actionItems: (actionItems ?? []).map(item => ({
      title: item.title,
      owner: item.owner ?? null,
      due: item.due ?? null,
      status: item.status,
      issue: item.issue ?? null,
    })),
    launchDate: launchDate ?? null,
  };
}

/** A Markdown document split into its front matter and body. */
export interface ParsedRunbookMarkdown {
  frontMatter: RunbookFrontMatter;
  body: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** Splits `---\n<yaml>\n---\n<markdown>`; a document without an opening `---` line has no front matter. */
export function splitFrontMatter(markdown: string): {
  yaml: string | null;
  body: string;
} {
  const opening = OPENING.exec(markdown);
  if (!opening) {
    return { yaml: null, body: markdown.replace(/^\uFEFF/, '') };
  }
  const rest = markdown.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new Error(
      'Front matter starts with "---" but has no closing "---" line',
    );
  }
  const yaml = rest.slice(0, closing.index);
  const body = rest
    .slice(closing.index + closing[0].length)
    .replace(/^\r?\n/, '');
  return { yaml, body };
}

/**
 * Parses and validates a Markdown runbook's YAML front matter. Throws an Error whose message says
 * what is wrong (shown next to the runbook in the UI); never returns partially validated data.
 */
export function parseRunbookMarkdown(markdown: string): ParsedRunbookMarkdown {
  const { yaml, body } = splitFrontMatter(markdown);
  if (yaml === null) {
    return { frontMatter: runbookFrontMatterSchema.parse({}), body };
  }
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    throw new Error(
      `Front matter is longer than ${MAX_FRONT_MATTER_CHARS} characters`,
    );
  }
  // The fast path reads plain front matter; anything else (aliases, errors, several documents) goes to `yaml`.
  const fast = fastYamlDocuments(yaml);
  let data: unknown;
  try {
    data =
      fast?.length === 1
        ? fast[0]
        : parseYaml(yaml, { maxAliasCount: 20, prettyErrors: false });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Front matter is not valid YAML: ${message}`);
  }
  if (data === null || data === undefined) {
    data = {};
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('Front matter must be a YAML mapping (key: value lines)');
  }
  const result = runbookFrontMatterSchema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues
      .map(
        issue =>
          `${issue.path.join('.') || '(front matter)'}: ${issue.message}`,
      )
      .join('; ');
    throw new Error(`Invalid front matter: ${details}`);
  }
  return { frontMatter: result.data, body };
}

/** The text of the first `# Heading` of a Markdown body, if any. */
export function firstHeading(body: string): string | undefined {
  const match = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match?.[1].trim().slice(0, 200) || undefined;
}
