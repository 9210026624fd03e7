// Monitoring through the built app: Prometheus metrics for a bearer of SHOW_METRICS_TOKEN only,
// counting what happens, and a request id on every API answer.
import { expect, test, type APIRequestContext } from '@playwright/test';

const bearer = { Authorization: `Bearer ${process.env.SHOW_METRICS_TOKEN ?? ''}` };

async function metric(request: APIRequestContext, line: RegExp): Promise<number> {
  const response = await request.get('/api/metrics', { headers: bearer });
  expect(response.status()).toBe(200);
  const match = line.exec(await response.text());
  return match ? Number(match[1]) : 0;
}

test('metrics are served only with the token, and count the tokens issued', async ({ request }) => {
  expect((await request.get('/api/metrics')).status()).toBe(404);
  expect(
    (
      await request.get('/api/metrics', { headers: { Authorization: 'Bearer guess-guess-guess' } })
    ).status(),
  ).toBe(404);

  const viewerTokens = /^show_tokens_issued_total\{role="viewer"\} (\d+)$/m;
  const before = await metric(request, viewerTokens);
  const token = await request.get('/api/livekit/token?room=spring-drop&username=Metrics');
  expect(token.status()).toBe(200);
  expect(await metric(request, viewerTokens)).toBe(before + 1);

  const text = await (await request.get('/api/metrics', { headers: bearer })).text();
  expect(text).toMatch(
    /^show_http_request_duration_seconds_count\{route="token",method="GET"\} \d+$/m,
  );
  expect(text).toMatch(/^show_process_cpu_seconds_total \d/m);
});

test('every API answer carries a request id; a client cannot choose it without a trusted proxy', async ({
  request,
}) => {
  const response = await request.get('/api/shows/spring-drop', {
    headers: { 'X-Request-Id': 'chosen-by-the-client' },
  });
  const id = response.headers()['x-request-id'] ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
});
