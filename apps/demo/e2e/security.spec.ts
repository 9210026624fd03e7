// Secrets stay on the server, and every page carries the security headers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the client bundle holds no secret and no server configuration', () => {
  const files = filesUnder(join(process.cwd(), '.next', 'static'));
  expect(files.length).toBeGreaterThan(10);
  const secret = process.env.LIVEKIT_API_SECRET ?? '';
  const passcode = process.env.SHOW_HOST_PASSCODE ?? '';
  const modPasscode = process.env.SHOW_MODERATOR_PASSCODE ?? '';
  // The names too: a server module pulled into a client component would carry them.
  const needles = [
    'LIVEKIT_API_SECRET',
    'SHOW_HOST_PASSCODE',
    'SHOW_MODERATOR_PASSCODE',
    'LIVEKIT_API_KEY',
    passcode,
    modPasscode,
  ];
  // The dev server's secret is the word "secret", which code may contain: search a real one only.
  if (secret.length >= 16) needles.push(secret);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const needle of needles) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
  }
});

test('pages carry a CSP that allows the LiveKit server, and the other security headers', async ({
  request,
}) => {
  for (const path of ['/', '/studio', '/moderate', '/show/spring-drop']) {
    const response = await request.get(path);
    const headers = response.headers();
    const livekit = process.env.NEXT_PUBLIC_LIVEKIT_URL ?? '';
    expect(headers['content-security-policy'], path).toContain(`connect-src 'self' ${livekit}`);
    expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});
