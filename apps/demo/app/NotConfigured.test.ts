import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { NotConfigured } = await import('./NotConfigured');
const { log } = await import('../lib/log');

const problems = ['LIVEKIT_API_SECRET is weak or well known: …'];
const render = () =>
  renderToStaticMarkup(createElement(NotConfigured, { title: 'Show', problems }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test('in production, anonymous visitors see no configuration detail; the log gets it once', () => {
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('SHOW_LOCAL_DEV', '');
  const error = vi.spyOn(log(), 'error').mockImplementation(() => {});
  const html = render();
  render();
  expect(html).toContain('not available right now');
  expect(html).not.toContain('LIVEKIT_API_SECRET');
  expect(error).toHaveBeenCalledTimes(1);
  expect(JSON.stringify(error.mock.calls[0]?.[0])).toContain('LIVEKIT_API_SECRET');
});

test('in development the page lists every problem', () => {
  vi.stubEnv('NODE_ENV', 'development');
  expect(render()).toContain('LIVEKIT_API_SECRET is weak');
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('SHOW_LOCAL_DEV', '1');
  expect(render()).toContain('LIVEKIT_API_SECRET is weak');
});
