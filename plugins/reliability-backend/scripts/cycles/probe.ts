/*
 * Web requests beside a background cycle, for benchmark-cycles.ts (BENCH_PROBE=1): one request at a time,
 * a pause between them, latencies recorded until stopped.
 */
export class RequestProbe {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private samples: number[] = [];

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    private readonly pauseMs = 250,
  ) {}

  start(): void {
    this.running = true;
    this.samples = [];
    this.loop = (async () => {
      while (this.running) {
        const start = process.hrtime.bigint();
        const response = await fetch(this.url, { headers: this.headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${this.url} -> ${response.status}`);
        this.samples.push(Number(process.hrtime.bigint() - start) / 1e6);
        await new Promise(r => setTimeout(r, this.pauseMs));
      }
    })();
  }

  /** Stops after the request in flight and returns the latencies (ms). */
  async stop(): Promise<number[]> {
    this.running = false;
    await this.loop;
    return this.samples;
  }
}

export { percentile } from '../shared/percentile';
