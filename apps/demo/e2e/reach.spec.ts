// Every button and link on the demo's pages can be clicked with a mouse at a phone's and a desktop's
// width, waiting, live and after the end: nothing lies over it (the overlay once covered "Try
// again"), and no page scrolls sideways (the player was once wider than any phone). axe finds
// nothing on any of them, in the light and the dark scheme.
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { SHOW_PATH, signIn } from './pages';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResults {
  violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }>;
}

/** What axe finds on the page in the light and in the dark scheme (the page follows the system). */
async function axeProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as { axe: { run(): Promise<AxeResults> } };
      const { violations } = await axe.run();
      return violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => String(n.target[0])).join(', ')}`,
      );
    });
    problems.push(...violations.map((v) => `${colorScheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

/** Both checks of a page as it is now. */
async function check(page: Page): Promise<string[]> {
  return [...(await unreachable(page)), ...(await axeProblems(page))];
}

const WIDTHS = [320, 390, 1280];

/** What a mouse could not reach on the page as it is now, one line each. */
function unreachable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (element: Element | null) =>
      element
        ? `<${element.tagName.toLowerCase()}${element.className ? ` class="${String(element.className)}"` : ''}> "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`
        : 'nothing';
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      // The innermost elements that reach past the window's right edge: what to fix.
      const over = [...document.body.querySelectorAll('*')].filter(
        (element) =>
          element.getBoundingClientRect().right > window.innerWidth + 1 &&
          ![...element.children].some(
            (child) => child.getBoundingClientRect().right > window.innerWidth + 1,
          ),
      );
      problems.push(
        `the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window: ${over.slice(0, 3).map(name).join(', ')}`,
      );
    }
    const targets = document.querySelectorAll(
      'button:not([disabled]), a[href], input[type="submit"], summary',
    );
    for (const target of targets) {
      const style = getComputedStyle(target);
      if (style.visibility === 'hidden' || target.closest('[inert], [hidden]')) continue;
      if (target.getBoundingClientRect().width === 0) continue;
      target.scrollIntoView({ block: 'center', inline: 'center' });
      const box = target.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !(hit === target || target.contains(hit))) {
        problems.push(`${name(target)} is covered by ${name(hit)}`);
      }
    }
    return problems;
  });
}

for (const width of WIDTHS) {
  test(`at ${width} px every button can be clicked, nothing scrolls sideways, axe finds nothing`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};

    for (const path of ['/', SHOW_PATH, '/studio', '/moderate']) {
      await page.goto(path);
      report[path] = await check(page);
    }

    // A viewer who joined (no host live: the player waits, the chat is open).
    await page.goto(SHOW_PATH);
    await page.getByLabel('Your name in the chat').fill(`Reach ${width}`);
    await page.getByRole('button', { name: 'Join the show' }).click();
    await expect(page.locator('.show-player')).toHaveAttribute('data-show-phase', /waiting|live/, {
      timeout: 20_000,
    });
    report['viewer, joined'] = await check(page);

    // The host, signed in, with the camera previewing.
    const studio = await context.newPage();
    await signIn(studio, '/studio', process.env.SHOW_HOST_PASSCODE ?? '');
    await expect(studio.getByRole('button', { name: 'Go Live' })).toBeEnabled({ timeout: 20_000 });
    report['studio, signed in'] = await check(studio);

    // Live: the viewer's controls (shown by the mouse) and the studio's panel.
    await studio.getByRole('button', { name: 'Go Live' }).click();
    await expect(page.locator('.show-player')).toHaveAttribute('data-show-phase', 'live', {
      timeout: 20_000,
    });
    await page.locator('.show-player video').hover();
    report['viewer, live'] = await check(page);
    report['studio, live'] = await check(studio);

    // Ended.
    await studio.getByRole('button', { name: 'End show' }).click();
    await studio.getByRole('button', { name: 'Yes, end the show' }).click();
    await expect(page.locator('.show-player')).toHaveAttribute('data-show-phase', 'ended', {
      timeout: 20_000,
    });
    report['viewer, ended'] = await check(page);

    expect(report).toEqual({
      '/': [],
      [SHOW_PATH]: [],
      '/studio': [],
      '/moderate': [],
      'viewer, joined': [],
      'studio, signed in': [],
      'viewer, live': [],
      'studio, live': [],
      'viewer, ended': [],
    });
    await context.close();
  });
}
