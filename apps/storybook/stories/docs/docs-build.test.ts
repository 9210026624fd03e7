// The docs pages as the static build ships them: Markdown tables became tables (remark-gfm), so no
// page shows a designer `| what | … |` text. Runs after `storybook build` (turbo builds it first).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const assets = fileURLToPath(new URL('../../storybook-static/assets/', import.meta.url));
const pages = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.replace(/\.mdx$/, ''));

test.each(pages)('%s: every Markdown table is a table', (page) => {
  const chunk = readdirSync(assets).find(
    (file) => file.startsWith(`${page}-`) && file.endsWith('.js'),
  );
  expect(chunk, `run \`pnpm build\` in apps/storybook first: no ${page} chunk`).toBeDefined();
  const code = readFileSync(`${assets}${chunk}`, 'utf8');
  // A table's separator row left as text (| --- | --- |) is what an untranslated table looks like.
  expect(code).not.toMatch(/\|\s*:?-{3,}:?\s*\|/);
  const source = readFileSync(fileURLToPath(new URL(`./${page}.mdx`, import.meta.url)), 'utf8');
  if (/^\|.*\|\s*$/m.test(source)) expect(code).toMatch(/\.table\b/);
});

// Props tables come from @show/ui's TypeScript types (react-docgen-typescript over its source):
// the prefabs a developer mounts, with the props they pass.
test.each([
  ['LiveKitPlayer', ['serverUrl', 'token', 'server', 'onError']],
  ['LiveKitBroadcaster', ['serverUrl', 'token', 'createTracks']],
  ['ShowInterface', ['serverUrl', 'token', 'products']],
])('%s has a props table with its props', (component, props) => {
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(`${assets}${file}`, 'utf8'))
    .join('\n');
  const start = code.indexOf(`displayName:\`${component}\``);
  expect(start, `no docgen for ${component}`).toBeGreaterThan(-1);
  const info = code.slice(start, code.indexOf('}catch', start));
  for (const prop of props) expect(info).toContain(`${prop}:{`);
});
