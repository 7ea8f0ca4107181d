import { compileSchedule, CompiledSchedule } from './compileSchedule';
import { scheduleFileSchema } from './schema';

/** Test helper: validates and compiles one schedule given in the YAML's shape. */
export function schedule(spec: unknown): CompiledSchedule {
  return compileSchedule(
    scheduleFileSchema.parse({ schedules: [spec] }).schedules[0],
  );
}
