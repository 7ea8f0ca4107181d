import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileSchedule, CompiledSchedule } from './compileSchedule';
import {
  EscalationPolicySpec,
  scheduleFileSchema,
  ScheduleFile,
} from './schema';

/** Largest schedule file read; larger files are rejected rather than parsed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Validates parsed YAML as a schedule file, with every problem listed by its path. */
export function parseScheduleFile(text: string, source: string): ScheduleFile {
  let document: unknown;
  try {
    document = parseYaml(text, { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new Error(`${source}: invalid YAML: ${(error as Error).message}`);
  }
  const result = scheduleFileSchema.safeParse(document);
  if (!result.success) {
    const details = result.error.issues
      .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`${source}: ${details}`);
  }
  return result.data;
}

/** The schedules and escalation policies of all schedule files, compiled and cross-checked. */
export interface ScheduleCatalog {
  schedules: Map<string, CompiledSchedule>;
  policies: Map<string, EscalationPolicySpec>;
  /** Problems found while loading (bad files are skipped, keeping their last good content). */
  errors: string[];
}

function key(id: string): string {
  return id.toLowerCase();
}

/** Merges files into one catalog; duplicate ids and references to unknown schedules are errors. */
export function buildScheduleCatalog(
  files: Array<{ source: string; content: ScheduleFile }>,
  errors: string[] = [],
): ScheduleCatalog {
  const schedules = new Map<string, CompiledSchedule>();
  const policies = new Map<string, EscalationPolicySpec>();
  for (const { source, content } of files) {
    for (const schedule of content.schedules) {
      if (schedules.has(key(schedule.id))) {
        errors.push(`${source}: duplicate schedule id '${schedule.id}'`);
        continue;
      }
      schedules.set(key(schedule.id), compileSchedule(schedule));
    }
    for (const policy of content.escalationPolicies) {
      if (policies.has(key(policy.id))) {
        errors.push(`${source}: duplicate escalation policy id '${policy.id}'`);
        continue;
      }
      policies.set(key(policy.id), policy);
    }
  }
  for (const policy of policies.values()) {
    for (const level of policy.levels) {
      for (const target of level.targets) {
        if ('schedule' in target && !schedules.has(key(target.schedule))) {
          errors.push(
            `escalation policy '${policy.id}' refers to unknown schedule '${target.schedule}'`,
          );
        }
      }
    }
  }
  return { schedules, policies, errors };
}

/**
 * Reads the schedule-as-code YAML files (paths relative to the backend's working directory),
 * validates them and keeps the last good content of every file, so a broken edit never blanks on-call.
 */
export class ScheduleRepository {
  private readonly lastGood = new Map<string, ScheduleFile>();
  private catalog: ScheduleCatalog = {
    schedules: new Map(),
    policies: new Map(),
    errors: [],
  };

  constructor(
    private readonly options: {
      files: string[];
      logger: LoggerService;
      baseDir?: string;
    },
  ) {}

  get files(): string[] {
    return this.options.files;
  }

  current(): ScheduleCatalog {
    return this.catalog;
  }

  getSchedule(id: string): CompiledSchedule | undefined {
    return this.catalog.schedules.get(key(id));
  }

  getPolicy(id: string): EscalationPolicySpec | undefined {
    return this.catalog.policies.get(key(id));
  }

  /** (Re-)reads every file; returns the problems found. */
  async reload(): Promise<string[]> {
    const errors: string[] = [];
    const baseDir = this.options.baseDir ?? process.cwd();
    for (const file of this.options.files) {
      const fullPath = path.resolve(baseDir, file);
      try {
        const stat = await fs.stat(fullPath);
        if (stat.size > MAX_FILE_BYTES) {
          throw new Error(
            `${file}: larger than ${MAX_FILE_BYTES} bytes, not read`,
          );
        }
        const text = await fs.readFile(fullPath, 'utf8');
        this.lastGood.set(file, parseScheduleFile(text, file));
      } catch (error) {
        const message = (error as Error).message.startsWith(file)
          ? (error as Error).message
          : `${file}: ${(error as Error).message}`;
        errors.push(message);
      }
    }
    const files = this.options.files
      .filter(file => this.lastGood.has(file))
      .map(file => ({ source: file, content: this.lastGood.get(file)! }));
    this.catalog = buildScheduleCatalog(files, errors);
    for (const error of this.catalog.errors) {
      this.options.logger.error(`On-call schedule files: ${error}`);
    }
    return this.catalog.errors;
  }
}
