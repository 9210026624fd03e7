import { readConfig } from '../../../../lib/config';
import { handleTokenRequest } from '../../../../lib/token-endpoint';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const result = readConfig();
  if (!result.ok) {
    return Response.json(
      { error: { code: 'not_configured', message: 'The token endpoint is not configured.' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return handleTokenRequest(request, result.config);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
