import { ensureAptPackages } from './apt.mjs';
import { logToStderr } from './run.mjs';
import { isExecutable, which } from './which.mjs';

/**
 * Flags for Debian's Chromium as root on a closed network, with a fake camera (640×480, 20 fps,
 * frame counter) and a fake microphone (a tone), and permission prompts auto-accepted.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable to use, or undefined: CHROMIUM_PATH first, then Debian's locations. */
export function findChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit))
      throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  return CANDIDATES.find(isExecutable) ?? which('chromium') ?? which('chromium-browser');
}

/**
 * Finds Chromium, installing Debian's package with apt when it is missing and we are root.
 * No test tool ever downloads a browser of its own.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function ensureChromium({ log = logToStderr } = {}) {
  const found = findChromium();
  if (found) return found;
  await ensureAptPackages(['chromium'], { why: 'the browser tests (or set CHROMIUM_PATH)', log });
  const installed = findChromium();
  if (!installed)
    throw new Error('apt-get installed chromium but no chromium executable was found.');
  return installed;
}

/**
 * Launches headless Chromium through playwright-core with the flags above, optionally inside a
 * network namespace (playwright talks to it over pipes, which cross namespaces).
 * @param {{ args?: string[], netns?: import('./netns.mjs').NetworkNamespace }} [options]
 */
export async function launchChromium({ args = [], netns } = {}) {
  const { chromium } = await import('playwright-core');
  const executable = await ensureChromium();
  return chromium.launch({
    executablePath: netns ? netns.wrapExecutable(executable) : executable,
    headless: true,
    // Inside a namespace nothing answers mDNS, so ICE needs the real host addresses.
    args: [
      ...CHROMIUM_ARGS,
      ...(netns ? ['--disable-features=WebRtcHideLocalIpsWithMdns'] : []),
      ...args,
    ],
  });
}
