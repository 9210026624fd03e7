import 'server-only';

/**
 * A fixed-window counter per client, in this process's memory: enough for one instance. Put a
 * shared store (Redis, a KV) behind the same shape when the app runs on several.
 */
export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return function take(client: string, now = Date.now()) {
    // Keep memory bounded: forget finished windows now and then.
    if (windows.size > 10_000) {
      for (const [key, entry] of windows) if (now - entry.start >= windowMs) windows.delete(key);
    }
    let entry = windows.get(client);
    if (!entry || now - entry.start >= windowMs) {
      entry = { start: now, count: 0 };
      windows.set(client, entry);
    }
    entry.count++;
    if (entry.count <= limit) return { allowed: true as const };
    return {
      allowed: false as const,
      retryAfterSeconds: Math.ceil((entry.start + windowMs - now) / 1000),
    };
  };
}

/** Who is asking: the first forwarded address behind a proxy, or a constant for direct calls. */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'direct';
}
