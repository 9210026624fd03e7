/** Every way `@show/metrics` can refuse input; callers switch on `code`. */
export type MetricsErrorCode =
  'invalid_report' | 'report_too_large' | 'unsupported_version' | 'stats_failed';

/** The one error class of `@show/metrics`: a stable `code`, a clear message, and the `cause`. */
export class MetricsError extends Error {
  override readonly name = 'MetricsError';
  readonly code: MetricsErrorCode;

  constructor(code: MetricsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
