/*
 * Browser timing, one run: Debian Chromium (CHROMIUM_PATH or /usr/bin/chromium) driven by Playwright against the
 * production build served by the demo backend. Each sample is a new browser context (empty HTTP cache, the
 * guest's signed-in storage copied in) and one `goto`; the figure is the page's own `performance.now()` when the
 * awaited content is visible, i.e. milliseconds since navigation start (the app boots in every sample); the
 * entity page's header (h1) is timed on the way, to tell the app's boot from the content.
 *   (a) the SLO card's figures ("Error budget: <n>") on the entity's Reliability tab;
 *   (b) the catalog's own Overview tab of the same entity with its About card's content (the description).
 * The two alternate (a b, b a, ...). BENCH_RUNS samples of each (default 20), BENCH_ENTITY the entity path.
 */
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright';
import { tmpdir } from 'node:os';
import { choosePort, startDemoServer } from './demoServer';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ENTITY = process.env.BENCH_ENTITY ?? 'default/component/checkout-api';
const ABOUT_TEXT = process.env.BENCH_ABOUT_TEXT ?? 'Runs the checkout';
const TIMEOUT_MS = 30_000;

type Target = {
  name: string;
  path: string;
  ready: (page: Page) => Locator;
};

const targets: Target[] = [
  {
    name: '(a) Reliability tab, SLO card figures',
    path: `/catalog/${ENTITY}/reliability`,
    ready: page => page.getByText(/^Error budget: (\d|exhausted)/).first(),
  },
  {
    name: '(b) Overview tab, About card content',
    path: `/catalog/${ENTITY}`,
    ready: page => page.getByText(ABOUT_TEXT).first(),
  },
];

/**
 * Signs the guest in and returns the context's storage. The first page load can come while the backend's plugins
 * are still starting (then the app shows an error instead of the sign-in page): load it again.
 */
async function signIn(browser: Browser, baseUrl: string) {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const context = await browser.newContext({ baseURL: baseUrl });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page
        .getByRole('button', { name: 'Enter' })
        .click({ timeout: 60_000 });
      await page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('link', { name: 'Reliability' })
        .waitFor({ timeout: 60_000 });
      return await context.storageState();
    } catch (error) {
      const shot = `${tmpdir()}/bench-frontend-signin.png`;
      await context
        .pages()[0]
        ?.screenshot({ path: shot })
        .catch(() => {});
      if (Date.now() > deadline) {
        throw new Error(`Guest sign-in failed (screenshot ${shot}): ${error}`);
      }
      console.log(
        `Sign-in not ready yet (screenshot ${shot}), loading again: ${
          String(error).split('\n')[0]
        }`,
      );
    } finally {
      await context.close();
    }
  }
}

async function sample(
  browser: Browser,
  baseUrl: string,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  target: Target,
  timeout = TIMEOUT_MS,
): Promise<{ header: number; ready: number }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    storageState: state,
  });
  try {
    const page = await context.newPage();
    await page.goto(target.path, { waitUntil: 'commit' });
    try {
      // The entity page's header (its h1, named from the URL): the app has booted and routed to the entity page.
      await page.locator('h1').first().waitFor({ state: 'visible', timeout });
      const header = await page.evaluate(() => performance.now());
      await target.ready(page).waitFor({ state: 'visible', timeout });
      return { header, ready: await page.evaluate(() => performance.now()) };
    } catch (error) {
      const shot = `${tmpdir()}/bench-frontend-failure.png`;
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      throw new Error(
        `${
          target.name
        } not visible at ${page.url()} (screenshot ${shot}): ${error}`,
      );
    }
  } finally {
    await context.close();
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runBrowserTiming(options: {
  root: string;
  distDir: string;
}) {
  const port = await choosePort([7007, 7107, 7207]);
  console.log(
    `Browser timing: starting the demo backend on port ${port} (serves ${options.distDir}; NODE_ENV=development, no file watcher)...`,
  );
  const started = Date.now();
  const server = await startDemoServer({ root: options.root, port });
  console.log(
    `Backend healthy after ${Math.round(
      (Date.now() - started) / 1000,
    )} s (log: ${server.logFile}).`,
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const state = await signIn(browser, server.baseUrl);
    // Warm-up (not counted): waits for the demo catalog and the first SLO evaluation, and warms the backend.
    // A page that loaded before the catalog had the entity shows "Entity not found" for good: load it again.
    for (const target of targets) {
      const deadline = Date.now() + 600_000;
      for (;;) {
        try {
          const ms = await sample(browser, server.baseUrl, state, target);
          console.log(`Warm-up ${target.name}: ${Math.round(ms.ready)} ms`);
          break;
        } catch (error) {
          if (Date.now() > deadline) {
            throw error;
          }
        }
      }
    }
    const results = new Map<Target, { header: number; ready: number }[]>(
      targets.map(t => [t, []]),
    );
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        results
          .get(target)!
          .push(await sample(browser, server.baseUrl, state, target));
      }
    }
    console.log(
      `Navigation to content visible, ${RUNS} samples each, alternating, new context (empty cache) per sample:`,
    );
    const stats = (values: number[]) =>
      `p50 ${Math.round(percentile(values, 50))} ms, p95 ${Math.round(
        percentile(values, 95),
      )} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(
        Math.max(...values),
      )})`;
    for (const [target, samples] of results) {
      console.log(
        `  ${target.name.padEnd(40)} ${stats(samples.map(x => x.ready))}`,
      );
      console.log(
        `    entity header (h1) visible first:     ${stats(
          samples.map(x => x.header),
        )}`,
      );
      console.log(
        `    header to content:                    ${stats(
          samples.map(x => x.ready - x.header),
        )}`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}
