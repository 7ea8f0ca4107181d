/*
 * The org page's other requests, for benchmark-overview.ts: the CSV export (time to first byte, total time,
 * size, and the growth of the process's RSS and heap while it streams), the team and system roll-ups
 * (`/overview/summaries`) and the architecture tours of a system and a domain.
 */
import { headers, percentile, timed } from './http';

export interface CsvResult {
  name: string;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  lines: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** Heap kept after the export (after a full GC; NaN unless node runs with --expose-gc). */
  heapRetainedMb: number;
  /** Content-Encoding of the answer (the backend compresses). */
  encoding: string;
}

/** Downloads one CSV export, reading (and dropping) the body chunk by chunk as it arrives. */
export async function measureCsv(
  base: string,
  name: string,
  query: string,
): Promise<CsvResult> {
  global.gc?.();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = rss0;
  let heapPeak = heap0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 5);
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  try {
    const response = await fetch(
      `${base}/api/reliability/overview.csv${query}`,
      {
        headers,
      },
    );
    if (!response.ok || !response.body) {
      throw new Error(`CSV ${query} -> ${response.status}`);
    }
    const reader = response.body.getReader();
    let firstByteMs = NaN;
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByteMs)) firstByteMs = since();
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
    }
    const totalMs = since();
    clearInterval(sampler);
    const heapRetainedMb = global.gc
      ? (global.gc(), (process.memoryUsage().heapUsed - heap0) / 1024 / 1024)
      : NaN;
    return {
      name,
      heapRetainedMb,
      encoding: response.headers.get('content-encoding') ?? 'identity',
      firstByteMs,
      totalMs,
      bytes,
      lines,
      rssGrowthMb: (rssPeak - rss0) / 1024 / 1024,
      heapGrowthMb: (heapPeak - heap0) / 1024 / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}

export interface RouteResult {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  note: string;
}

/** Times `n` sequential GETs of one route (after one unmeasured request). */
export async function measureRoute(
  base: string,
  name: string,
  path: string,
  n: number,
  describe: (body: any) => string,
): Promise<RouteResult> {
  const get = async () => {
    const response = await fetch(`${base}${path}`, { headers });
    if (!response.ok) {
      throw new Error(`${path} -> ${response.status} ${await response.text()}`);
    }
    return response.json();
  };
  let note = describe(await get());
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const { ms, value } = await timed(get);
    times.push(ms);
    note = describe(value);
  }
  return {
    name,
    n,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    note,
  };
}

/** The roll-ups and tours the org page and the tour page request. */
export async function measureRollUpsAndTours(
  base: string,
  n: number,
): Promise<RouteResult[]> {
  const summaries = (body: any) =>
    `${body.groups.length} groups, ${body.serviceCount} services${
      body.truncated ? ', truncated' : ''
    }${
      body.computedAt ? `, stored ${body.computedAt}` : ', computed on request'
    }`;
  const tour = (body: any) =>
    `${body.nodes?.length ?? '?'} nodes${body.truncated ? ', truncated' : ''}`;
  return [
    await measureRoute(
      base,
      'GET /overview/summaries?by=team',
      '/api/reliability/overview/summaries?by=team',
      n,
      summaries,
    ),
    await measureRoute(
      base,
      'GET /overview/summaries?by=system',
      '/api/reliability/overview/summaries?by=system',
      n,
      summaries,
    ),
    await measureRoute(
      base,
      'GET /tour/systems/default/system-7',
      '/api/reliability/tour/systems/default/system-7',
      n,
      tour,
    ),
    await measureRoute(
      base,
      'GET /tour/domains/default/domain-3',
      '/api/reliability/tour/domains/default/domain-3',
      n,
      tour,
    ),
  ];
}
