import { limitConcurrency, mapWithConcurrency } from './concurrency';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('limitConcurrency', () => {
  it('never runs more than the limit at once and runs every call', async () => {
    const limited = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const results = gates.map((gate, i) =>
      limited(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    await Promise.resolve();
    expect(running).toBe(2);
    gates.forEach(g => g.resolve());
    await expect(Promise.all(results)).resolves.toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('frees its slot when a call fails', async () => {
    const limited = limitConcurrency(1);
    await expect(limited(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limited(async () => 'next')).resolves.toBe('next');
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => limitConcurrency(0)).toThrow(RangeError);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the order of the items', async () => {
    const out = await mapWithConcurrency([30, 10, 20], 2, async (ms, i) => {
      await new Promise(r => setTimeout(r, ms));
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:10', '2:20']);
  });

  it('returns an empty list for no items', async () => {
    await expect(mapWithConcurrency([], 3, async x => x)).resolves.toEqual([]);
  });
});
