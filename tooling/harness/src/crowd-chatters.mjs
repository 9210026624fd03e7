// The crowd rig's chatting minority, joined one of two ways behind one interface:
// - 'node': @livekit/rtc-node rooms in this process (LiveKit's Rust SDK, data only), each with a
//   cookie jar of its own, so each is its own person to the app. Light: twenty of them cost less
//   than one browser page, so the rig leaves the two cores to the servers it measures.
// - 'browser': livekit-client in headless Chromium, one browser profile per chatter (its own
//   person cookie), on a page Playwright answers on the demo's origin. What a viewer's page really
//   runs, at about 3 % of a core per page plus the browser's own processes.
import { fileURLToPath } from 'node:url';
import { bundlePage } from './browser-bundle.mjs';
import { createChatter } from './chatter-core.mjs';
import { openPageOnDemo } from './demo-show.mjs';

const chatterEntry = fileURLToPath(new URL('../fixtures/chatter-page.ts', import.meta.url));

/** @typedef {'node' | 'browser'} ChatterKind */

/**
 * @typedef {object} RigChatter
 * @property {(room: string, label: string, everyMs: number, count: number) => Promise<void>} startChatting
 * @property {() => Promise<Omit<import('./crowd-report.mjs').ChatterRecord, 'label'>>} results
 * @property {() => Promise<void>} leave
 */

/**
 * Requests to the app as one person: cookies the app sets are kept and sent back, as a browser
 * would (no expiry or path rules: one short run, one origin).
 * @param {string} baseUrl
 * @returns {(path: string, init?: RequestInit) => Promise<Response>}
 */
export function personFetch(baseUrl) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) {
      headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(new URL(path, baseUrl), { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /;\s*max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

/**
 * @typedef {object} JoinOptions
 * @property {ChatterKind} kind
 * @property {string} demoUrl
 * @property {string} wsUrl LiveKit's
 * @property {string} room
 * @property {import('playwright-core').Browser} browser for 'browser' chatters
 */

/**
 * Joins `count` chatters one after the other (as people arrive, not as a storm).
 * @param {number} count
 * @param {JoinOptions} options
 * @returns {Promise<RigChatter[]>}
 */
export async function joinChatters(count, options) {
  /** @type {RigChatter[]} */
  const chatters = [];
  const bundle =
    options.kind === 'browser' ? await bundlePage(chatterEntry, 'Crowd chatter') : undefined;
  try {
    for (let i = 0; i < count; i++) {
      const name = `Chatter ${i + 1}`;
      chatters.push(
        bundle
          ? await joinInBrowser(options, name, bundle)
          : await joinInNode(options.demoUrl, options.wsUrl, options.room, name),
      );
    }
  } catch (error) {
    await Promise.all(chatters.map((chatter) => chatter.leave().catch(() => {})));
    throw error;
  }
  return chatters;
}

/**
 * @param {string} demoUrl
 * @param {string} wsUrl
 * @param {string} roomName
 * @param {string} name
 * @returns {Promise<RigChatter>}
 */
async function joinInNode(demoUrl, wsUrl, roomName, name) {
  const request = personFetch(demoUrl);
  const query = new URLSearchParams({ room: roomName, username: name });
  const response = await request(`/api/livekit/token?${query}`);
  if (!response.ok) {
    throw new Error(`${name} could not join: the token endpoint answered ${response.status}.`);
  }
  const { token } = /** @type {{ token: string }} */ (await response.json());
  // Loaded here: the native SDK starts only when a run asks for Node chatters.
  const { Room, RoomEvent } = await import('@livekit/rtc-node');
  const chatter = createChatter(request);
  const room = new Room();
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) =>
    chatter.onData(payload, participant, topic),
  );
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  return {
    startChatting: async (...args) => chatter.startChatting(...args),
    results: async () => chatter.results(),
    async leave() {
      chatter.stop();
      await room.disconnect();
    },
  };
}

/**
 * @param {JoinOptions} options
 * @param {string} name
 * @param {Awaited<ReturnType<typeof bundlePage>>} bundle
 * @returns {Promise<RigChatter>}
 */
async function joinInBrowser(options, name, bundle) {
  const page = await openPageOnDemo(options.browser, options.demoUrl, bundle, '__crowd', 'crowd');
  const joined = await page.evaluate(
    ([url, room, who]) => /** @type {any} */ (window).crowd.join(url, room, who),
    /** @type {const} */ ([options.wsUrl, options.room, name]),
  );
  if (!joined.ok) throw new Error(`${name} could not join: ${JSON.stringify(joined)}`);
  return {
    startChatting: (...args) =>
      page.evaluate(
        ([room, label, every, count]) =>
          /** @type {any} */ (window).crowd.startChatting(room, label, every, count),
        args,
      ),
    results: () => page.evaluate(() => /** @type {any} */ (window).crowd.results()),
    leave: () => page.evaluate(() => /** @type {any} */ (window).crowd.leave()),
  };
}
