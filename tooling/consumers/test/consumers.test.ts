// The consumer test: the four packages packed and published to a local registry, then installed as
// another team would (pnpm from the registry, npm from the tarballs before publication) into fresh
// apps: Next.js 16 with its new defaults and the READMEs' examples verbatim, Vite with React, and
// plain Node in ESM and CommonJS. Each app is built, and the pages run against a real LiveKit.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, launchChromium, repoRoot, startLiveKitServer } from '@show/harness';
import { createRoomService, createTokenMinter } from '@show/token';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFixture, startApp, type RunningApp } from '../src/apps.mjs';
import { PUBLISHED, packPackages, type Packed } from '../src/pack.mjs';
import { readmeExamples } from '../src/readme-examples.mjs';
import { startRegistry, type LocalRegistry } from '../src/registry.mjs';
import { run, runExpectingFailure } from '../src/run.mjs';

const work = mkdtempSync(join(tmpdir(), 'show-consumers-'));
const readmes = PUBLISHED.map((folder) => join(repoRoot, 'packages', folder, 'README.md'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: 'true' };
const credentials = { apiKey: 'consumer', apiSecret: randomBytes(32).toString('base64url') };

let packed: Packed[];
let registry: LocalRegistry;
let livekit: Awaited<ReturnType<typeof startLiveKitServer>> | undefined;
let browser: Browser;
const running: RunningApp[] = [];

beforeAll(async () => {
  packed = await packPackages(join(work, 'tarballs'));
  registry = await startRegistry(join(work, 'registry'));
  for (const { tarball } of packed) await registry.publish(tarball);
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(running.map((app) => app.stop()));
  await browser?.close();
  await livekit?.stop();
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

const versions = () => Object.fromEntries(packed.map((p) => [p.name, p.version]));

/**
 * Console errors and uncaught exceptions of a page, so a test can say there were none. The
 * browser's own request for /favicon.ico is the app's business (these apps have no icon).
 */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const { url } = message.location();
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) {
      errors.push(`${message.text()} (${url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('every code example in the READMEs names the file it is, so CI can compile it', () => {
  const paths = readmeExamples(readmes).map((example) => example.path);
  expect(paths).toEqual([
    'lib/health.ts',
    'app/api/token/route.ts',
    'lib/chat-mutes.ts',
    'lib/show.ts',
    'app/api/[...path]/route.ts',
    'lib/metrics.ts',
    'app/show/Viewer.tsx',
    'app/studio/Studio.tsx',
    'app/show/ScheduledPlayer.tsx',
    'lib/shop-events.ts',
  ]);
});

test('the packed manifests name real versions: no workspace: ranges, a LICENSE in each', async () => {
  for (const { name, tarball } of packed) {
    const listing = await run('tar', ['-tzf', tarball], { cwd: work });
    expect(listing, name).toContain('package/LICENSE');
    const manifest = JSON.parse(
      await run('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: work }),
    ) as { dependencies?: Record<string, string>; repository?: unknown };
    expect(JSON.stringify(manifest.dependencies ?? {}), name).not.toContain('workspace:');
    expect(manifest.repository, name).toBeDefined();
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      const sibling = packed.find((p) => p.name === dependency);
      if (sibling) expect(range, `${name} → ${dependency}`).toBe(`^${sibling.version}`);
    }
  }
});

describe('a Next.js 16 app (Cache Components on), installed with pnpm from the registry', () => {
  let app: string;

  beforeAll(async () => {
    app = copyFixture('next', join(work, 'next'), {
      examples: readmeExamples(readmes),
      versions: versions(),
      npmrc: registry.npmrc,
    });
    await run('pnpm', ['install', '--no-frozen-lockfile', '--reporter=append-only'], {
      cwd: app,
      env,
    });
  });

  test('a Client Component that imports @show/token fails the build, with Turbopack and webpack', async () => {
    mkdirSync(join(app, 'app', 'mistake'), { recursive: true });
    for (const file of ['page.tsx', 'Mistake.tsx']) {
      copyFileSync(join(app, 'mistake', file), join(app, 'app', 'mistake', file));
    }
    try {
      for (const bundler of ['--turbopack', '--webpack']) {
        const output = await runExpectingFailure('pnpm', ['exec', 'next', 'build', bundler], {
          cwd: app,
          env,
        });
        expect(output, bundler).toMatch(/server-only/);
        expect(output, bundler).toContain('@show/token');
        const said = output.split('\n').filter((line) => /server-only|@show\/token/.test(line));
        console.log(`next build ${bundler} refused:\n${said.slice(0, 6).join('\n')}`);
      }
    } finally {
      rmSync(join(app, 'app', 'mistake'), { recursive: true, force: true });
    }
  });

  test('builds with every README example in it (type-checked by next build)', async () => {
    const output = await run('pnpm', ['exec', 'next', 'build'], { cwd: app, env });
    expect(output).toMatch(/\/show/);
  });

  test('against a real LiveKit: the host goes live from the studio, the viewer sees the video and the chat arrives', async () => {
    const port = await freeTcpPort();
    const url = `http://127.0.0.1:${port}`;
    livekit = await startLiveKitServer({
      name: 'consumers',
      ...credentials,
      autoCreateRooms: false,
      webhookUrls: [`${url}/api/livekit/webhook`],
    });
    const passcode = randomBytes(9).toString('base64url');
    const next = await startApp(
      'pnpm',
      ['exec', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: app,
        url,
        env: {
          ...env,
          NODE_ENV: 'production',
          LIVEKIT_URL: livekit.wsUrl,
          LIVEKIT_API_KEY: credentials.apiKey,
          LIVEKIT_API_SECRET: credentials.apiSecret,
          SHOW_SESSION_SECRET: randomBytes(32).toString('base64url'),
          SHOW_HOST_PASSCODE: passcode,
          SHOW_MODERATOR_PASSCODE: randomBytes(9).toString('base64url'),
          DATABASE_URL: `sqlite:${join(app, 'show.sqlite')}`,
        },
      },
    );
    running.push(next);

    // The token README's own route answers a viewer token.
    const answer = await fetch(`${url}/api/token?room=spring-drop&username=Ana`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ role: 'viewer', room: 'spring-drop' });

    const host = await (await browser.newContext()).newPage();
    const hostErrors = errorsOf(host);
    await host.goto(`${url}/`);
    const signedIn = await host.evaluate(async (code) => {
      const response = await fetch('/api/staff/sign-in?role=host', {
        method: 'POST',
        body: new URLSearchParams({ passcode: code }),
      });
      return new URL(response.url).pathname;
    }, passcode);
    expect(signedIn).toBe('/studio');
    await host.goto(`${url}/studio`);
    const goLive = host.getByRole('button', { name: 'Go Live' });
    await expect.poll(() => goLive.isEnabled(), { timeout: 30_000 }).toBe(true);
    await goLive.click();
    await host.waitForSelector('.show-control-panel[data-show-phase="live"]', { timeout: 30_000 });

    const viewer = await (await browser.newContext()).newPage();
    const viewerErrors = errorsOf(viewer);
    await viewer.goto(`${url}/show`);
    await viewer.waitForSelector('.show-player[data-show-phase="live"]', { timeout: 30_000 });
    await viewer.waitForFunction(
      () => [...document.querySelectorAll('video')].some((video) => video.videoWidth > 0),
      undefined,
      { timeout: 30_000 },
    );

    const input = viewer.getByPlaceholder('Say something nice…');
    await input.fill('Hello from a consumer app');
    await input.press('Enter');
    await host.getByText('Hello from a consumer app').waitFor({ timeout: 15_000 });

    expect(hostErrors).toEqual([]);
    expect(viewerErrors).toEqual([]);
  });
});

describe('a Vite app with React, installed with npm from the tarballs (before publication)', () => {
  let app: string;
  let preview: RunningApp;

  beforeAll(async () => {
    for (const { name, tarball } of packed) {
      copyFileSync(tarball, join(work, 'tarballs', `${name.replace('@show/', 'show-')}.tgz`));
    }
    app = copyFixture('vite', join(work, 'vite'));
    await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, env });
    await run('npm', ['run', 'build'], { cwd: app, env });
    const port = await freeTcpPort();
    preview = await startApp(
      'npm',
      [
        'exec',
        '--',
        'vite',
        'preview',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--strictPort',
      ],
      { cwd: app, url: `http://127.0.0.1:${port}/`, env },
    );
    running.push(preview);
  });

  test('the player joins a real LiveKit room and @show/metrics measures it, with no console error', async () => {
    livekit ??= await startLiveKitServer({ name: 'consumers', ...credentials });
    const minter = createTokenMinter(credentials);
    await createRoomService({ url: livekit.httpUrl, minter }).createRoom('vite-room', {
      maxParticipants: 10,
    });
    const token = await minter.mint({ identity: 'vite-viewer', room: 'vite-room', role: 'viewer' });
    const page = await (await browser.newContext()).newPage();
    const errors = errorsOf(page);
    await page.goto(`${preview.url}?${new URLSearchParams({ url: livekit.wsUrl, token })}`);
    await page.waitForSelector('.show-player[data-show-phase="waiting"]', { timeout: 30_000 });
    await page.waitForSelector('body[data-connection="connected"]', { timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  test('a browser bundle that imports @show/token fails to build, naming its browser stub', async () => {
    const output = await runExpectingFailure(
      'npm',
      ['exec', '--', 'vite', 'build', '--mode', 'mistake'],
      {
        cwd: app,
        env,
      },
    );
    expect(output).toContain('node_modules/@show/token/browser/index.js');
  });
});

describe('plain Node, installed with pnpm from the registry', () => {
  let app: string;

  beforeAll(async () => {
    app = copyFixture('node', join(work, 'node'), { versions: versions(), npmrc: registry.npmrc });
    await run('pnpm', ['install', '--no-frozen-lockfile', '--reporter=append-only'], {
      cwd: app,
      env,
    });
  });

  test.each(['esm.mjs', 'cjs.cjs'])(
    '%s mints, verifies, parses and serves a show',
    async (file) => {
      expect(await run('node', [file], { cwd: app, env })).toContain('consumer checks passed');
    },
  );
});
