import { metricsRoute } from '../../../lib/route';

export const dynamic = 'force-dynamic';

/** Prometheus scrapes this process here, with `Authorization: Bearer $SHOW_METRICS_TOKEN`. */
export const GET = metricsRoute;
