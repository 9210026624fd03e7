import { Writable } from 'node:stream';
import { describe, expect, test, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { createLog, logLevel } = await import('./log');

function captured() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { lines, log: createLog({ level: 'debug', destination }) };
}

describe('logs', () => {
  test('secrets never reach a line, wherever they sit in what is logged', () => {
    const { lines, log } = captured();
    log.info(
      {
        token: 'eyJhbGciOiJIUzI1NiJ9.a-livekit-token',
        config: { apiSecret: 'the-livekit-secret', sessionSecret: 'the-session-secret' },
        request: {
          headers: {
            authorization: 'Bearer scrape-me-please',
            cookie: '__Host-show_person=someone',
            'user-agent': 'Chromium',
          },
        },
        form: { passcode: 'the-host-passcode' },
        metrics: { metricsToken: 'a-metrics-token' },
      },
      'a request',
    );
    const line = lines.join('\n');
    for (const secret of [
      'a-livekit-token',
      'the-livekit-secret',
      'the-session-secret',
      'scrape-me-please',
      'someone',
      'the-host-passcode',
      'a-metrics-token',
    ]) {
      expect(line).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0] ?? '{}');
    expect(entry).toMatchObject({
      level: 30,
      app: 'show-demo',
      msg: 'a request',
      token: '[redacted]',
      request: { headers: { authorization: '[redacted]', 'user-agent': 'Chromium' } },
    });
  });

  test('levels by environment: LOG_LEVEL wins; info in production, quiet under test', () => {
    expect(logLevel({ NODE_ENV: 'production' })).toBe('info');
    expect(logLevel({ NODE_ENV: 'development' })).toBe('debug');
    expect(logLevel({ NODE_ENV: 'test' })).toBe('silent');
    expect(logLevel({ NODE_ENV: 'production', LOG_LEVEL: 'warn' })).toBe('warn');
  });
});
