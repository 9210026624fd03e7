// A real show for the dashboard's picture: the built demo on a livekit-server of its own, the host
// live through the studio, viewers joining through the viewer page (one leaving again) and
// chatting, one of them too fast (the server refuses some), while a real Prometheus scrapes the
// LiveKit node and the demo's /api/metrics. After `minutes` the previewer draws the dashboard from
// what Prometheus collected.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { previewDashboard } from './dashboard-preview.mjs';
import { SHOW_ROOM, startDemoShow } from './demo-show.mjs';
import { waitForTargets } from './prometheus-api.mjs';
import { startPrometheus } from './prometheus-server.mjs';
import { logToStderr } from './run.mjs';

/** Scraped every 5 s: $__rate_interval is then 20 s, and the lines are smooth enough to read. */
const SCRAPE_INTERVAL_SECONDS = 5;

const LINES = [
  'Hello from Lyon!',
  'Is the blue one still in stock?',
  'Love this colour',
  'What size is she wearing?',
  'Just ordered two',
  'Can you show the back?',
  'Does it come in green?',
  'How long is shipping?',
];

/**
 * Runs the show for `minutes`, then writes the dashboard's picture to `output`.
 * The demo must be built (`turbo run build --filter=@show/demo...`).
 * @param {{ minutes: number, output: string, log?: (line: string) => void }} options
 */
export async function runDashboardShow({ minutes, output, log = logToStderr }) {
  // The demo serves /api/metrics only with a token; it inherits this process's environment.
  const token = randomBytes(24).toString('base64url');
  process.env.SHOW_METRICS_TOKEN = token;
  const show = await startDemoShow({ name: 'dashboard', maxParticipants: 30, log });
  const { browser, demoUrl, livekit } = show;
  /** @type {import('./prometheus-server.mjs').StartedPrometheus | undefined} */
  let prometheus;
  /** @type {Map<string, import('playwright-core').Page>} */
  const viewers = new Map();
  try {
    prometheus = await startPrometheus({
      name: 'dashboard-show',
      scrapeIntervalSeconds: SCRAPE_INTERVAL_SECONDS,
      jobs: [
        { job: 'livekit', targets: [new URL(livekit.prometheusUrl).host] },
        {
          job: 'show-app',
          targets: [new URL(demoUrl).host],
          metricsPath: '/api/metrics',
          bearerToken: token,
        },
      ],
    });
    await waitForTargets(prometheus.url);
    const start = Math.floor(Date.now() / 1000);
    log(`dashboard: Prometheus on ${prometheus.url} scrapes LiveKit and the demo; ${minutes} min`);

    /** @param {string} name */
    const join = async (name) => {
      const context = await browser.newContext({ baseURL: demoUrl });
      const page = await context.newPage();
      await page.goto(`/show/${SHOW_ROOM}`);
      await page.getByLabel('Your name in the chat').fill(name);
      await page.getByRole('button', { name: 'Join the show' }).click();
      await page
        .locator('.show-player[data-show-phase="live"]')
        .waitFor({ timeout: 30_000 })
        .catch(() => log(`dashboard: ${name} did not see the show live within 30 s`));
      viewers.set(name, page);
      log(`dashboard: ${name} is watching`);
    };
    /** @param {string} name */
    const leave = async (name) => {
      await viewers.get(name)?.context().close();
      viewers.delete(name);
      log(`dashboard: ${name} left`);
    };
    // Through the chat box, as a person types.
    /** @param {import('playwright-core').Page} page @param {string} text */
    const say = async (page, text) => {
      const input = page.getByPlaceholder('Say something nice…');
      await input.fill(text, { timeout: 5000 });
      await input.press('Enter');
    };
    // Faster than the server's limit (5 messages per person per 10 s): some are refused.
    /** @param {import('playwright-core').Page} page */
    const burst = (page) =>
      page.evaluate(async (room) => {
        const statuses = [];
        for (let i = 0; i < 8; i++) {
          const response = await fetch(`/api/shows/${room}/chat`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ text: `Want it!!! ${i + 1}` }),
          });
          statuses.push(response.status);
        }
        return statuses;
      }, SHOW_ROOM);

    const duration = minutes * 60;
    const elapsed = () => Date.now() / 1000 - start;
    /** @type {Array<[number, () => Promise<void>]>} */
    const plan = [
      [0.1, () => join('Ada')],
      [0.25, () => join('Ben')],
      [0.45, () => join('Cleo')],
      [0.75, () => leave('Ben')],
    ];
    let chatAt = duration * 0.12;
    let burstAt = duration * 0.5;
    let said = 0;
    let minute = 0;
    while (elapsed() < duration) {
      const [at, step] = plan[0] ?? [Number.POSITIVE_INFINITY];
      if (step && elapsed() >= at * duration) {
        plan.shift();
        await step();
      }
      const present = [...viewers.values()];
      if (present.length > 0 && elapsed() >= chatAt) {
        const page = /** @type {import('playwright-core').Page} */ (
          present[Math.floor(Math.random() * present.length)]
        );
        await say(page, /** @type {string} */ (LINES[said++ % LINES.length])).catch((error) =>
          log(`dashboard: a chat message was not sent: ${error.message}`),
        );
        chatAt = elapsed() + 4 + Math.random() * 8;
      }
      const cleo = viewers.get('Cleo');
      if (cleo && elapsed() >= burstAt) {
        log(`dashboard: Cleo posts 8 messages at once: ${(await burst(cleo)).join(' ')}`);
        burstAt += duration * 0.2;
      }
      if (elapsed() >= (minute + 1) * 60) {
        minute += 1;
        log(`dashboard: ${minute}/${minutes} min, ${viewers.size} watching, ${said} chat messages`);
      }
      await sleep(500);
    }
    // One more scrape, so the last moment is in.
    await sleep(SCRAPE_INTERVAL_SECONDS * 1000);
    return await previewDashboard({
      prometheusUrl: prometheus.url,
      output,
      start,
      end: Math.floor(Date.now() / 1000),
      scrapeIntervalSeconds: SCRAPE_INTERVAL_SECONDS,
      log,
    });
  } finally {
    for (const page of viewers.values())
      await page
        .context()
        .close()
        .catch(() => {});
    await prometheus?.stop();
    await show.close();
  }
}
