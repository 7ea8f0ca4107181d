/* The probe's part of benchmark-cycles.ts's output: each cycle run's web request latencies against the baselines. */
import { percentile } from '../shared/percentile';

/** One cycle run's probe samples and those of the idle seconds just before it (ms). */
export interface ProbedRun {
  name: string;
  cycle: string;
  run: number;
  samples: number[];
  before: number[];
}

const stats = (samples: number[]) =>
  `n=${String(samples.length).padStart(4)}  p50 ${percentile(
    samples,
    50,
  ).toFixed(0)} ms  p95 ${percentile(samples, 95).toFixed(0)} ms`;

/**
 * Prints each run's p50/p95 against the baseline and against the samples just before it, then (several runs per
 * cycle) every run of a cycle pooled and (three or more) the steady runs pooled.
 */
export function printProbeReport(options: {
  title: string;
  baseline: number[];
  runs: ProbedRun[];
  cycles: string[];
  runsPerCycle: number;
}): void {
  const { title, baseline, runs, cycles, runsPerCycle } = options;
  const baselineP95 = percentile(baseline, 95);
  console.log(`\n${title}:`);
  console.log(
    `  ${'no cycle running (baseline)'.padEnd(28)} ${stats(baseline)}`,
  );
  const compared = (name: string, samples: number[], before: number[]) => {
    const p95 = percentile(samples, 95);
    console.log(
      `  ${name.padEnd(28)} ${stats(samples)}  (${(p95 / baselineP95).toFixed(
        2,
      )}x the baseline; ${(p95 / percentile(before, 95)).toFixed(
        2,
      )}x the ${stats(before)} just before it)`,
    );
  };
  for (const { name, samples, before } of runs) {
    compared(name, samples, before);
  }
  // A short cycle gets a dozen samples a run, so one slow request decides its p95: its runs pooled. Run 1 works
  // on fresh tables (the overview's first pass even serves pages by another path, the services index being
  // empty until it ends), so the steady runs are also pooled on their own: what an adopter's every cadence costs.
  const pooled = (label: string, of: ProbedRun[]) => {
    for (const cycle of cycles) {
      const ofCycle = of.filter(p => p.cycle === cycle);
      if (ofCycle.length < 2) continue;
      compared(
        `${cycle} (${ofCycle.length} ${label})`,
        ofCycle.flatMap(p => p.samples),
        ofCycle.flatMap(p => p.before),
      );
    }
  };
  if (runsPerCycle > 1) {
    console.log('  every run of a cycle pooled:');
    pooled('runs', runs);
  }
  if (runsPerCycle > 2) {
    console.log('  the steady runs (2 and later) pooled:');
    pooled(
      'steady',
      runs.filter(p => p.run > 1),
    );
  }
}
