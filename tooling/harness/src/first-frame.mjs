// The first-frame benchmark: how long a viewer waits for the host's picture on the demo's viewer
// page (from the click on "Join the show") against a bare livekit-client page joining the same
// show (from its token request), with livekit-client's defaults and with the room options @show/ui
// uses (adaptive stream, dynacast), in turns, in the same run. Prints the medians and the ratios.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePage } from './browser-bundle.mjs';
import { openPageOnDemo, SHOW_ROOM, startDemoShow } from './demo-show.mjs';
import { ensureDir, reportsDir } from './paths.mjs';
import { logToStderr } from './run.mjs';

const bareEntry = fileURLToPath(new URL('../fixtures/first-frame-page.ts', import.meta.url));

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * @param {{ runs: number, log?: (line: string) => void }} options
 */
export async function runFirstFrame({ runs, log = logToStderr }) {
  const show = await startDemoShow({ name: 'first-frame', maxParticipants: 100, log });
  const { demoUrl, browser, livekit } = show;
  try {
    const bundle = await bundlePage(bareEntry, 'First frame, bare');
    /** @type {{ demo: number[], bare: number[], adaptive: number[] }} */
    const measured = { demo: [], bare: [], adaptive: [] };
    /** @type {Array<{ tokenAt: number, videoAt: number, longTaskMs: number }>} */
    const demoSteps = [];
    /** @type {Array<{ sent: number, received: number }>} */
    const signalling = [];

    // The demo's viewer page, as a person uses it: type a name, click, wait for the picture.
    const demoRun = async () => {
      const context = await browser.newContext({ baseURL: demoUrl });
      try {
        const page = await context.newPage();
        // Long tasks on the viewer's page while it joins (React rendering, mostly).
        await page.addInitScript(() => {
          const tasks = /** @type {Array<[number, number]>} */ ([]);
          Object.assign(window, { longTasks: tasks });
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
          }).observe({ type: 'longtask' });
        });
        await page.goto(`/show/${SHOW_ROOM}`);
        await page.getByLabel('Your name in the chat').fill('Timer');
        await page.getByRole('button', { name: 'Join the show' }).waitFor();
        const timed = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const started = performance.now();
              const since = (/** @type {number} */ at) => Math.round(at - started);
              const watch = new MutationObserver(() => {
                const video = document.querySelector('.show-player video');
                if (!(video instanceof HTMLVideoElement)) return;
                watch.disconnect();
                const videoAt = performance.now();
                video.requestVideoFrameCallback(() => {
                  const frameAt = performance.now();
                  const token = performance
                    .getEntriesByType('resource')
                    .find((entry) => entry.name.includes('/api/livekit/token'));
                  const tasks = /** @type {Array<[number, number]>} */ (
                    /** @type {any} */ (window).longTasks
                  ).filter(([at]) => at >= started - 50 && at <= frameAt);
                  resolve({
                    ms: frameAt - started,
                    tokenAt: token ? since(token.startTime) : Number.NaN,
                    videoAt: since(videoAt),
                    longTaskMs: Math.round(tasks.reduce((sum, [, duration]) => sum + duration, 0)),
                  });
                });
              });
              watch.observe(document.body, { childList: true, subtree: true });
              /** @type {HTMLButtonElement} */ (
                [...document.querySelectorAll('button')].find((b) =>
                  b.textContent?.includes('Join the show'),
                )
              ).click();
            }),
        );
        const { ms, ...steps } =
          /** @type {{ ms: number, tokenAt: number, videoAt: number, longTaskMs: number }} */ (
            timed
          );
        demoSteps.push(steps);
        return /** @type {number} */ (ms);
      } finally {
        await context.close();
      }
    };

    // The bare page, served on the demo's origin so it asks the same token endpoint.
    /** @param {boolean} adaptive */
    const bareRun = async (adaptive) => {
      const page = await openPageOnDemo(browser, demoUrl, bundle, '__bare', 'bare');
      // LiveKit's signalling for one join (to the first frame, and the leave), both ways.
      const bytes = { sent: 0, received: 0 };
      page.on('websocket', (socket) => {
        const size = (/** @type {string | Buffer} */ payload) =>
          typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
        socket.on('framesent', ({ payload }) => (bytes.sent += size(payload)));
        socket.on('framereceived', ({ payload }) => (bytes.received += size(payload)));
      });
      try {
        const ms = await page.evaluate(
          ([url, room, adaptive]) =>
            /** @type {any} */ (window).bare.firstFrame(url, room, 'Timer', adaptive),
          /** @type {const} */ ([livekit.wsUrl, SHOW_ROOM, adaptive]),
        );
        signalling.push({ ...bytes });
        return ms;
      } finally {
        await page.context().close();
      }
    };

    // One of each to warm up (Next's first render of the page, the SFU's first subscriber), then
    // in turns, each round in another order, so a slow moment of the machine falls on all three.
    /** @type {Array<[keyof typeof measured, () => Promise<number>]>} */
    const kinds = [
      ['demo', demoRun],
      ['bare', () => bareRun(false)],
      ['adaptive', () => bareRun(true)],
    ];
    for (const [, run] of kinds) await run();
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < kinds.length; k++) {
        const [kind, run] = /** @type {[keyof typeof measured, () => Promise<number>]} */ (
          kinds[(i + k) % kinds.length]
        );
        measured[kind].push(Math.round(await run()));
      }
      log(
        `first-frame: ${i + 1}/${runs} · demo ${measured.demo.at(-1)} ms · bare ${measured.bare.at(-1)} ms · bare with adaptive stream ${measured.adaptive.at(-1)} ms`,
      );
    }
    const report = {
      runs,
      demoMs: measured.demo,
      bareMs: measured.bare,
      bareAdaptiveMs: measured.adaptive,
      demoMedianMs: median(measured.demo),
      bareMedianMs: median(measured.bare),
      bareAdaptiveMedianMs: median(measured.adaptive),
      ratio: Math.round((median(measured.demo) / median(measured.bare)) * 100) / 100,
      ratioToAdaptive: Math.round((median(measured.demo) / median(measured.adaptive)) * 100) / 100,
      // Where the demo page's time goes, medians from the click: the token asked, the video
      // element in the page, and the long tasks (main thread blocked ≥ 50 ms) until the frame.
      demoSteps: {
        tokenAskedMs: median(demoSteps.map((step) => step.tokenAt)),
        videoElementMs: median(demoSteps.map((step) => step.videoAt)),
        longTasksMs: median(demoSteps.map((step) => step.longTaskMs)),
      },
      demoStepsEach: demoSteps,
      // LiveKit's websocket bytes for one viewer's join and leave (the bare pages), medians.
      signallingBytesPerJoin: {
        sent: median(signalling.map((join) => join.sent)),
        received: median(signalling.map((join) => join.received)),
      },
    };
    const file = join(ensureDir(join(reportsDir, 'bench')), 'first-frame.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`first-frame: report in ${file}`);
    return report;
  } finally {
    await show.close();
  }
}
