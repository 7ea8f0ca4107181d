/* HTTP helpers and percentiles of benchmark-overview.ts (with the static token the benchmark backend accepts). */
import { benchmarkAuthHeader } from '../shared/benchmarkAuth';

export const headers = {
  ...benchmarkAuthHeader,
  'Content-Type': 'application/json',
};

export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, { ...init, headers });
  if (!response.ok) {
    throw new Error(
      `${init?.method ?? 'GET'} ${url} -> ${
        response.status
      } ${await response.text()}`,
    );
  }
  return response.json();
}

export { percentile } from '../shared/percentile';
