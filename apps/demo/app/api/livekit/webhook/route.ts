import { createWebhookReceiver, isTokenError, type WebhookReceiver } from '@show/token';
import { readConfig } from '../../../../lib/config';
import { showState } from '../../../../lib/show-state';

export const dynamic = 'force-dynamic';

let cached: { key: string; receiver: WebhookReceiver } | undefined;

/** LiveKit's webhooks: verified (signature and body hash), deduplicated, applied to the show state. */
export async function POST(request: Request): Promise<Response> {
  const result = readConfig();
  if (!result.ok) return Response.json({ error: { code: 'not_configured' } }, { status: 503 });
  const { apiKey, apiSecret } = result.config;
  if (cached?.key !== `${apiKey}\u0000${apiSecret}`) {
    cached = {
      key: `${apiKey}\u0000${apiSecret}`,
      receiver: createWebhookReceiver({ apiKey, apiSecret }),
    };
  }
  try {
    const event = await cached.receiver.receive(
      await request.text(),
      request.headers.get('authorization'),
    );
    const applied = await showState().apply(event);
    return Response.json({ ok: true, duplicate: !applied });
  } catch (error) {
    const code = isTokenError(error) ? error.code : 'invalid_webhook';
    return Response.json(
      { error: { code, message: 'The webhook could not be verified.' } },
      { status: 401 },
    );
  }
}
