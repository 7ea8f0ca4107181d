import {
  OverviewPage,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { overviewCsvLine } from './csv';
import { CSV_BUFFER_BYTES, overviewCsvStream } from './csvStream';
import { serviceListing } from './__testUtils__/fixtures';

const CLIENT_BUFFER_BYTES = 16 * 1024;

/** A client that takes nothing until `resume()` (a slow or stalled download). */
class StalledClient extends Writable {
  private readonly chunks: Buffer[] = [];
  private waiting: Array<() => void> = [];
  private flowing = false;

  constructor() {
    super({ highWaterMark: CLIENT_BUFFER_BYTES });
  }

  _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.chunks.push(chunk);
    if (this.flowing) callback();
    else this.waiting.push(callback);
  }

  resume() {
    this.flowing = true;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach(callback => callback());
  }

  text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

const row = (i: number): ServiceOverviewRow => ({
  ...serviceListing(`svc-${i}`, {
    title: `Service number ${i} of the benchmark estate`,
  }),
  slo: null,
  onCall: null,
  runbooks: null,
  maturity: { level: 'gold', score: 90 },
  policy: null,
});

const page = (n: number, size: number): OverviewPage => ({
  items: Array.from({ length: size }, (_, k) => row(n * size + k)),
  totalItems: 0,
  pageInfo: {},
  unavailable: [],
});

/** Pages 1..count-1 of `size` rows (page 0 is the first page), counting how many were read and whether it was closed. */
function source(count: number, size: number) {
  const state = { read: 0, closed: false };
  async function* pages() {
    try {
      for (let n = 1; n < count; n++) {
        state.read++;
        yield page(n, size);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, pages: pages() };
}

const settle = async () => {
  for (let k = 0; k < 50; k++) await new Promise(r => setImmediate(r));
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe('overviewCsvStream', () => {
  it('writes the header, then every row of every page in order', async () => {
    const { pages } = source(3, 2);
    const text = await readAll(overviewCsvStream(page(0, 2), pages));
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[0].startsWith('entityRef,name,title')).toBe(true);
    expect(lines.slice(1).map(line => line.split(',')[1])).toEqual([
      'svc-0',
      'svc-1',
      'svc-2',
      'svc-3',
      'svc-4',
      'svc-5',
    ]);
  });

  it('writes only the header when there is no row', async () => {
    const { state, pages } = source(5, 2);
    const text = await readAll(overviewCsvStream(undefined, pages));
    expect(text.trim().split('\r\n')).toHaveLength(1);
    expect(state.read).toBe(0);
  });

  it('reads pages only as fast as the client takes them (bounded memory)', async () => {
    const size = 100;
    const { state, pages } = source(1000, size);
    const client = new StalledClient();
    const done = pipeline(overviewCsvStream(page(0, size), pages), client);
    await settle();
    // The client takes nothing: only about the buffers' worth of pages is read ahead, not the 999 pages.
    const pageBytes = overviewCsvLine(row(1)).length * size;
    expect(state.read).toBeGreaterThan(0);
    expect(state.read).toBeLessThanOrEqual(
      Math.ceil((CSV_BUFFER_BYTES + CLIENT_BUFFER_BYTES) / pageBytes) + 2,
    );
    client.resume();
    await done;
    expect(state.read).toBe(999);
    expect(client.text().trim().split('\r\n')).toHaveLength(1 + 1000 * size);
  });

  it('stops reading pages when the client goes away', async () => {
    const { state, pages } = source(1000, 100);
    const client = new StalledClient();
    const done = pipeline(overviewCsvStream(page(0, 100), pages), client);
    await settle();
    expect(state.read).toBeGreaterThan(0);
    client.destroy(new Error('client went away'));
    await expect(done).rejects.toThrow('client went away');
    await settle();
    expect(state.closed).toBe(true);
    expect(state.read).toBeLessThan(20);
  });
});
