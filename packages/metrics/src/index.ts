export { MetricsError } from './metrics-error';
export type { MetricsErrorCode } from './metrics-error';
export { bitrateBps } from './rate';
