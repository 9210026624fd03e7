// The crowd rig's figures, computed from what the chatters recorded: pure, so they are tested on
// their own (test/crowd-report.test.ts) and the rig only collects.

/**
 * @typedef {object} ChatterRecord
 * @property {string} label
 * @property {Array<{ text: string, status: number, at: number, serverMs?: number, storeMs?: number }>} sent
 *   what it posted, the answer, and the server's own time for it (Server-Timing)
 * @property {Array<{ id: string, text: string, seq: number, sentAt?: number, at: number }>} delivered
 *   chat events the server delivered into the room, as this chatter received them (`sentAt`: when
 *   the server stored it)
 * @property {number} reactions reactions counted in the events it received
 */

/**
 * @typedef {object} ChatFigures
 * @property {number} sent messages posted
 * @property {number} accepted answered 201 (the server stored them)
 * @property {number} refused answered 429 (over the per-person limit): not losses
 * @property {number} failed any other answer, or no answer
 * @property {number} deliveries accepted messages × chatters that should have received them
 * @property {number} lost of those, never received
 * @property {number} duplicated received more than once by one chatter
 * @property {number} outOfOrder chatters whose order differs from the server's sequence
 * @property {{ p50: number, p95: number, max: number, samples: number }} latencyMs post to receipt
 * @property {{ p50: number, p95: number }} acceptMs post to stored (the app's server)
 * @property {{ p50: number, p95: number }} serverMs the app's handler alone (its Server-Timing)
 * @property {{ p50: number, p95: number }} storeMs of which the SQL insert
 * @property {{ p50: number, p95: number }} deliverMs stored to receipt (batching, SendData, the SFU,
 *   the receiving page)
 */

/** @param {number[]} sorted @param {number} q */
function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return /** @type {number} */ (sorted[index]);
}

/** The time a message was posted, written into its text as `label#n@time`. */
function postedAt(/** @type {string} */ text) {
  const at = Number(text.slice(text.lastIndexOf('@') + 1));
  return Number.isFinite(at) ? at : undefined;
}

/**
 * @param {ChatterRecord[]} chatters
 * @returns {ChatFigures}
 */
export function chatFigures(chatters) {
  const accepted = new Set();
  let sent = 0;
  let refused = 0;
  let failed = 0;
  for (const chatter of chatters) {
    for (const post of chatter.sent) {
      sent++;
      if (post.status === 201) accepted.add(post.text);
      else if (post.status === 429) refused++;
      else failed++;
    }
  }
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  const latencies = [];
  const accepts = [];
  const deliveries = [];
  const handlers = [];
  const stores = [];
  for (const chatter of chatters) {
    for (const post of chatter.sent) {
      if (post.serverMs !== undefined) handlers.push(post.serverMs);
      if (post.storeMs !== undefined) stores.push(post.storeMs);
    }
  }
  for (const chatter of chatters) {
    const seen = new Map();
    for (const message of chatter.delivered) {
      seen.set(message.text, (seen.get(message.text) ?? 0) + 1);
    }
    for (const text of accepted) if (!seen.has(text)) lost++;
    for (const count of seen.values()) if (count > 1) duplicated += count - 1;
    const seqs = chatter.delivered.map((m) => m.seq);
    if (seqs.some((seq, i) => i > 0 && seq <= /** @type {number} */ (seqs[i - 1]))) outOfOrder++;
    for (const message of chatter.delivered) {
      const at = postedAt(message.text);
      if (at === undefined || !accepted.has(message.text)) continue;
      latencies.push(message.at - at);
      if (message.sentAt) {
        accepts.push(message.sentAt - at);
        deliveries.push(message.at - message.sentAt);
      }
    }
  }
  for (const list of [latencies, accepts, deliveries, handlers, stores]) list.sort((a, b) => a - b);
  return {
    sent,
    accepted: accepted.size,
    refused,
    failed,
    deliveries: accepted.size * chatters.length,
    lost,
    duplicated,
    outOfOrder,
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      max: latencies.at(-1) ?? 0,
      samples: latencies.length,
    },
    acceptMs: { p50: quantile(accepts, 0.5), p95: quantile(accepts, 0.95) },
    deliverMs: { p50: quantile(deliveries, 0.5), p95: quantile(deliveries, 0.95) },
    serverMs: { p50: quantile(handlers, 0.5), p95: quantile(handlers, 0.95) },
    storeMs: { p50: quantile(stores, 0.5), p95: quantile(stores, 0.95) },
  };
}

/**
 * The report as a readable table, one row per run.
 * @param {Array<Record<string, string | number>>} rows
 */
export function table(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const widths = columns.map((c) =>
    Math.max(c.length, ...rows.map((row) => String(row[c] ?? '').length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, i) => cell.padStart(/** @type {number} */ (widths[i]))).join('  ');
  return [line(columns), ...rows.map((row) => line(columns.map((c) => String(row[c] ?? ''))))].join(
    '\n',
  );
}
