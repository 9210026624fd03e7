// What one chatter of the crowd rig does and records, whatever it runs in (a Chromium page on
// livekit-client, or this process on @livekit/rtc-node): posts chat through the app's server at a
// set pace, and keeps every chat event the server delivers into the room. The rig's figures are
// computed from these records (crowd-report.mjs).

const TOPIC = 'show.events';
const decoder = new TextDecoder();

/**
 * @typedef {object} Delivered
 * @property {string} id
 * @property {string} text
 * @property {number} seq
 * @property {number} sentAt when the server stored it (its clock: the same machine's)
 * @property {number} at when this chatter received it
 */

/**
 * @typedef {object} Sent
 * @property {string} text
 * @property {number} status the app's answer (0: no answer)
 * @property {number} at
 * @property {number} [serverMs] the handler's own time (Server-Timing `total`)
 * @property {number} [storeMs] of which the SQL insert (Server-Timing `store`)
 */

/**
 * `Server-Timing: store;dur=…, total;dur=…` as numbers.
 * @param {string | null} header
 * @param {string} name
 */
function timing(header, name) {
  const match = new RegExp(`${name};dur=([\\d.]+)`).exec(header ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * @param {(path: string, init?: RequestInit) => Promise<Response>} request the app's API, as this
 *   chatter (its own person cookie)
 */
export function createChatter(request) {
  /** @type {Delivered[]} */
  const delivered = [];
  /** @type {Sent[]} */
  const sent = [];
  let reactions = 0;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let sending;

  return {
    /**
     * A data packet from the room. Only what LiveKit delivers in the server's name (no sender)
     * counts, as in the UI.
     * @param {Uint8Array} payload
     * @param {unknown} participant
     * @param {string | undefined} topic
     */
    onData(payload, participant, topic) {
      if (topic !== TOPIC || participant) return;
      const at = Date.now();
      /** @type {{ events?: Array<{ type: string, id?: string, text?: string, seq?: number, sentAt?: number, count?: number }> }} */
      const packet = JSON.parse(decoder.decode(payload));
      for (const event of packet.events ?? []) {
        if (event.type === 'chat') {
          delivered.push({
            id: event.id ?? '',
            text: event.text ?? '',
            seq: event.seq ?? -1,
            sentAt: event.sentAt ?? 0,
            at,
          });
        } else if (event.type === 'reactions') {
          reactions += event.count ?? 0;
        }
      }
    },
    /**
     * Sends `count` messages, one every `everyMs`, each naming this chatter, its number and time.
     * @param {string} room
     * @param {string} label
     * @param {number} everyMs
     * @param {number} count
     */
    startChatting(room, label, everyMs, count) {
      let n = 0;
      sending = setInterval(() => {
        if (n >= count) {
          clearInterval(sending);
          return;
        }
        const text = `${label}#${n++}@${Date.now()}`;
        request(`/api/shows/${room}/chat`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text }),
        }).then(
          async (response) => {
            await response.body?.cancel();
            const header = response.headers.get('server-timing');
            const serverMs = timing(header, 'total');
            const storeMs = timing(header, 'store');
            sent.push({
              text,
              status: response.status,
              at: Date.now(),
              ...(serverMs !== undefined && { serverMs }),
              ...(storeMs !== undefined && { storeMs }),
            });
          },
          () => sent.push({ text, status: 0, at: Date.now() }),
        );
      }, everyMs);
    },
    /** @param {string} room */
    async react(room) {
      const response = await request(`/api/shows/${room}/reactions`, { method: 'POST' });
      await response.body?.cancel();
      return response.status;
    },
    results() {
      return { sent, delivered, reactions };
    },
    stop() {
      clearInterval(sending);
    },
  };
}
