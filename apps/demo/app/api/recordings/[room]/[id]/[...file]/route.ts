import { recordingRoute } from '../../../../../../lib/route';

export const dynamic = 'force-dynamic';

/** A recording's `recording.mp4` (byte ranges), `hls/index.m3u8` and segments. */
export const GET = recordingRoute;
export const HEAD = recordingRoute;
