import {
  compileSchedule,
  CompiledSchedule,
} from '../scheduleAsCode/compileSchedule';
import { scheduleFileSchema } from '../scheduleAsCode/schema';

/** Test helper: validates and compiles one schedule given in the YAML's shape. */
export function schedule(spec: unknown): CompiledSchedule {
  return compileSchedule(
    scheduleFileSchema.parse({ schedules: [spec] }).schedules[0],
  );
}
