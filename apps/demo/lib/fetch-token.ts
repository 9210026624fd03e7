/**
 * Asks the demo's token endpoint for a token. A failure throws with the HTTP `status`, so the
 * player retries a blip (5xx, 429) and stops at a refusal (401, 403).
 */
export async function fetchToken(room: string, username: string, admin = false): Promise<string> {
  const query = new URLSearchParams({ room, username, ...(admin && { admin: 'true' }) });
  const response = await fetch(`/api/livekit/token?${query}`, { cache: 'no-store' });
  if (!response.ok) {
    throw Object.assign(new Error(`The token endpoint answered ${response.status}.`), {
      status: response.status,
    });
  }
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('The token endpoint sent no token.');
  return body.token;
}
