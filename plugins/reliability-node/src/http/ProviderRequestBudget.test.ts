import { ProviderBudgetExceededError } from './errors';
import { deadlineSignal } from './deadline';
import { ProviderRequestBudget } from './ProviderRequestBudget';

/** A clock that only moves when the budget sleeps. */
function fakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
  };
}

describe('ProviderRequestBudget', () => {
  it('paces requests evenly: never more than requestsPerMinute in a minute', async () => {
    const clock = fakeClock();
    const budget = new ProviderRequestBudget({
      provider: 'PagerDuty',
      requestsPerMinute: 600,
      maxWaitMs: 60_000,
      ...clock,
    });
    const starts: number[] = [];
    for (let i = 0; i < 1200; i++) {
      const release = await budget.acquire();
      starts.push(clock.now());
      release();
    }
    // 600 a minute = one every 100 ms.
    expect(starts[1] - starts[0]).toBe(100);
    for (let i = 0; i + 600 < starts.length; i++) {
      expect(starts[i + 600] - starts[i]).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('does not delay a request after an idle period', async () => {
    const clock = fakeClock();
    const budget = new ProviderRequestBudget({
      provider: 'Datadog',
      requestsPerMinute: 60,
      ...clock,
    });
    (await budget.acquire())();
    clock.advance(5_000);
    (await budget.acquire())();
    expect(clock.sleeps).toEqual([]);
  });

  it('fails at once with a typed error when the turn is further away than maxWaitMs', async () => {
    const clock = fakeClock();
    const budget = new ProviderRequestBudget({
      provider: 'PagerDuty',
      requestsPerMinute: 60,
      maxWaitMs: 2_500,
      now: clock.now,
      // Never resolves: the queued turns stay reserved.
      sleep: () => new Promise(() => {}),
    });
    const turns = [budget.acquire(), budget.acquire(), budget.acquire()];
    await turns[0];
    const error = await budget.acquire().catch(e => e);
    expect(error).toBeInstanceOf(ProviderBudgetExceededError);
    expect(error).toMatchObject({
      provider: 'PagerDuty',
      requestsPerMinute: 60,
      limit: 'requestsPerMinute',
    });
    expect(error.message).toMatch(
      /PagerDuty budget of 60 requests\/min reached/,
    );
    expect(clock.now()).toBe(1_000_000);
  });

  it('waits no longer than the deadline of the signal', async () => {
    const clock = fakeClock();
    const budget = new ProviderRequestBudget({
      provider: 'Opsgenie',
      requestsPerMinute: 6,
      maxWaitMs: 60_000,
      ...clock,
    });
    (await budget.acquire())();
    const signal = deadlineSignal(5_000, { now: clock.now });
    // The next turn is 10 s away, the deadline 5 s.
    await expect(budget.acquire(signal)).rejects.toBeInstanceOf(
      ProviderBudgetExceededError,
    );
    await expect(
      budget.acquire(deadlineSignal(15_000, { now: clock.now })),
    ).resolves.toBeInstanceOf(Function);
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('stretches requests up to waitUntil, then sends none of them even when a turn is free', async () => {
    const clock = fakeClock();
    const budget = new ProviderRequestBudget({
      provider: 'PagerDuty',
      requestsPerMinute: 60,
      maxWaitMs: 60_000,
      ...clock,
    });
    const cycle = () =>
      deadlineSignal(60_000, {
        now: clock.now,
        waitUntil: 1_000_000 + 2_500,
      });
    for (let i = 0; i < 3; i++) (await budget.acquire(cycle()))();
    // Turns at +0, +1 s and +2 s fit; the next (+3 s) does not.
    await expect(budget.acquire(cycle())).rejects.toBeInstanceOf(
      ProviderBudgetExceededError,
    );
    clock.advance(10_000);
    // Past waitUntil: refused although the budget is idle; callers without it still get the turn.
    await expect(budget.acquire(cycle())).rejects.toThrow(
      "PagerDuty budget of 60 requests/min reached: the caller's time for budget turns is over; the request was not sent",
    );
    await expect(budget.acquire()).resolves.toBeInstanceOf(Function);
  });

  it('holds at most maxConcurrency requests in flight and hands slots over in order', async () => {
    const budget = new ProviderRequestBudget({
      provider: 'Prometheus',
      maxConcurrency: 2,
      maxWaitMs: 10_000,
    });
    const first = await budget.acquire();
    const second = await budget.acquire();
    const order: string[] = [];
    const third = budget.acquire().then(r => {
      order.push('third');
      return r;
    });
    const fourth = budget.acquire().then(r => {
      order.push('fourth');
      return r;
    });
    await new Promise(r => setTimeout(r, 10));
    expect(order).toEqual([]);
    first();
    first(); // a second call is ignored
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
  });

  it('fails with a typed error when no slot frees up in time', async () => {
    const budget = new ProviderRequestBudget({
      provider: 'Prometheus',
      maxConcurrency: 1,
      maxWaitMs: 20,
    });
    const held = await budget.acquire();
    await expect(budget.acquire()).rejects.toMatchObject({
      name: 'ProviderBudgetExceededError',
      limit: 'maxConcurrency',
    });
    held();
    // The slot of the request that gave up is not lost.
    (await budget.acquire())();
  });

  it('rejects invalid settings', () => {
    expect(
      () => new ProviderRequestBudget({ provider: 'X', requestsPerMinute: 0 }),
    ).toThrow(/requestsPerMinute must be a positive number/);
    expect(
      () => new ProviderRequestBudget({ provider: 'X', maxConcurrency: 1.5 }),
    ).toThrow(/maxConcurrency must be a positive integer/);
  });
});
