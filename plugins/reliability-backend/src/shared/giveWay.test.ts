import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { giveWay, inGroups } from './giveWay';

/** Keeps the event loop busy for `ms` (what a synchronous SQLite query or an evaluation does). */
function busy(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // spin
  }
}

/** A web request's work: `units` turns of the event loop, each busy for `ms`; resolves when the last is done. */
function foreground(units: number, ms: number): Promise<void> {
  return new Promise(resolve => {
    let left = units;
    const step = () => {
      busy(ms);
      left -= 1;
      if (left === 0) resolve();
      else setImmediate(step);
    };
    setImmediate(step);
  });
}

/** A background job: units of `ms` with `pause` between them; counts the units done until `until` settles. */
async function background(
  pause: () => Promise<void>,
  until: Promise<void>,
  ms: number,
): Promise<number> {
  let done = false;
  until.then(() => {
    done = true;
  });
  let units = 0;
  while (!done && units < 1000) {
    busy(ms);
    units += 1;
    await pause();
  }
  return units;
}

describe('giveWay', () => {
  it('lets other work finish first instead of taking every other turn', async () => {
    // A turn each: the job's units alternate with the foreground's.
    const plain = await background(
      () => new Promise(resolve => setImmediate(resolve)),
      foreground(10, 5),
      5,
    );
    expect(plain).toBeGreaterThanOrEqual(9);

    const polite = await background(() => giveWay(), foreground(10, 5), 5);
    expect(polite).toBeLessThanOrEqual(4);
  });

  it('stops waiting after maxWaitMs when other work never stops', async () => {
    const endless = foreground(60, 5);
    const start = Date.now();
    await giveWay({ maxWaitMs: 30 });
    const waited = Date.now() - start;
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThan(250);
    await endless;
  });

  it('costs one turn of the loop when nothing else runs', async () => {
    const timeouts = jest.spyOn(global, 'setTimeout');
    try {
      for (let i = 0; i < 50; i++) await giveWay();
      // Waits (setTimeout) only when a turn ran other work; an idle test process runs none, bar a rare timer.
      expect(timeouts.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      timeouts.mockRestore();
    }
  });
});

describe('inGroups', () => {
  it('maps every item in order, a group at a time', async () => {
    let running = 0;
    let most = 0;
    const results = await inGroups([1, 2, 3, 4, 5], 2, async n => {
      running += 1;
      most = Math.max(most, running);
      await new Promise(resolve => setImmediate(resolve));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });
});

describe('giveWay and web requests', () => {
  /** A server whose requests take `ms` without using the event loop (as one waiting for its database). */
  async function slowServer(ms: number) {
    const server = createServer((_request, response) => {
      setTimeout(() => response.end('ok'), ms);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${port}/` };
  }

  it('waits while the process answers a web request, even one waiting on I/O', async () => {
    const { server, url } = await slowServer(60);
    try {
      await giveWay(); // starts following requests
      let answered = 0;
      const request = fetch(url)
        .then(response => response.text())
        .then(() => {
          answered = performance.now();
        });
      await new Promise(resolve => setTimeout(resolve, 20));
      await giveWay({ maxWaitMs: 1000 });
      const resumed = performance.now();
      await request;
      expect(answered).toBeGreaterThan(0);
      expect(resumed).toBeGreaterThanOrEqual(answered - 15);
    } finally {
      server.close();
    }
  });

  it('does not wait for long-lived requests (event streams)', async () => {
    const { server, url } = await slowServer(400);
    try {
      await giveWay();
      const request = fetch(url).then(response => response.text());
      await new Promise(resolve => setTimeout(resolve, 100));
      const start = performance.now();
      await giveWay({ maxWaitMs: 1000, longRequestMs: 50 });
      expect(performance.now() - start).toBeLessThan(200);
      await request;
    } finally {
      server.close();
    }
  });
});
