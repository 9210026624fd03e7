/**
 * Asks the demo's token endpoint for a token. A failure throws with the HTTP `status` and the
 * refusal's `code`, so the player retries a blip (5xx, 429), stops at a refusal (401, 403) and
 * says a full show (`room_full`) is full.
 */
export async function fetchToken(room: string, username: string, admin = false): Promise<string> {
  const query = new URLSearchParams({ room, username, ...(admin && { admin: 'true' }) });
  const response = await fetch(`/api/livekit/token?${query}`, { cache: 'no-store' });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => undefined)) as
      { error?: { code?: unknown } } | undefined;
    throw Object.assign(new Error(`The token endpoint answered ${response.status}.`), {
      status: response.status,
      ...(typeof refusal?.error?.code === 'string' && { code: refusal.error.code }),
    });
  }
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('The token endpoint sent no token.');
  return body.token;
}
