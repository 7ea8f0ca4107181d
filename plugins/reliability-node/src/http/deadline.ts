interface Deadlines {
  /** When the signal aborts (epoch ms). */
  abortsAt: number;
  /** Last moment a request may wait for its turn in a vendor budget (epoch ms), at most `abortsAt`. */
  waitUntil: number;
}

const deadlines = new WeakMap<AbortSignal, Deadlines>();

/**
 * An AbortSignal that aborts (with a `TimeoutError`) `timeoutMs` from now, or when `parent` aborts, and that
 * tells its deadline to `signalDeadline`: a ProviderHttpClient given it makes no retry and waits for no budget
 * beyond the deadline, and fails with the provider's last answer instead of being cut off mid-wait.
 * `waitUntil` (epoch ms) ends budget waits earlier without aborting, e.g. at the end of a refresh cycle.
 *
 * @public
 */
export function deadlineSignal(
  timeoutMs: number,
  options: {
    parent?: AbortSignal;
    now?: () => number;
    waitUntil?: number;
  } = {},
): AbortSignal {
  const { parent } = options;
  const now = (options.now ?? Date.now)();
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new DOMException(
          `The operation timed out after ${timeoutMs} ms`,
          'TimeoutError',
        ),
      ),
    timeoutMs,
  );
  (timer as { unref?: () => void }).unref?.();
  controller.signal.addEventListener('abort', () => clearTimeout(timer), {
    once: true,
  });
  if (parent) {
    if (parent.aborted) controller.abort(parent.reason);
    else
      parent.addEventListener('abort', () => controller.abort(parent.reason), {
        once: true,
      });
  }
  const inherited = parent ? deadlines.get(parent) : undefined;
  const abortsAt = Math.min(
    now + timeoutMs,
    inherited?.abortsAt ?? Number.POSITIVE_INFINITY,
  );
  deadlines.set(controller.signal, {
    abortsAt,
    waitUntil: Math.min(
      abortsAt,
      options.waitUntil ?? Number.POSITIVE_INFINITY,
      inherited?.waitUntil ?? Number.POSITIVE_INFINITY,
    ),
  });
  return controller.signal;
}

/**
 * The deadline (epoch milliseconds) of a signal made by `deadlineSignal`; undefined for other signals.
 *
 * @public
 */
export function signalDeadline(signal?: AbortSignal): number | undefined {
  return signal ? deadlines.get(signal)?.abortsAt : undefined;
}

/**
 * The last moment (epoch milliseconds) a request with this signal may wait for its turn in a vendor budget: the
 * signal's deadline or its earlier `waitUntil`; undefined for signals not made by `deadlineSignal`.
 *
 * @public
 */
export function signalWaitLimit(signal?: AbortSignal): number | undefined {
  return signal ? deadlines.get(signal)?.waitUntil : undefined;
}
