// Installed before any page script: counts what a component can leave behind — peer connections
// not closed, intervals and timeouts still pending, and listeners on window, document and
// navigator.mediaDevices — so a test can compare the counts before and after many mounts.
export interface LeakCounts {
  peerConnections: number;
  openPeerConnections: number;
  intervals: number;
  timeouts: number;
  globalListeners: number;
  /** Listeners by target and event type, to name a leak. */
  listenerTypes: Record<string, number>;
}

export function installLeakCounters() {
  const peers = new Set<RTCPeerConnection>();
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      peers.add(this);
    }
  } as typeof RTCPeerConnection;

  const intervals = new Set<number>();
  const timeouts = new Set<number>();
  const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct } = window;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = si(handler, ms, ...rest);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = (id?: number | string | NodeJS.Timeout) => {
    if (typeof id === 'number') intervals.delete(id);
    ci(id);
  };
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: number = st(
      (...args: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      },
      ms,
      ...rest,
    );
    timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = (id?: number | string | NodeJS.Timeout) => {
    if (typeof id === 'number') timeouts.delete(id);
    ct(id);
  };

  const listeners = new Map<EventTarget, Set<string>>();
  const key = (type: string, listener: unknown, options: unknown) =>
    `${type}|${typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture)}|${listenerId(listener)}`;
  const ids = new WeakMap<object, number>();
  let next = 0;
  const listenerId = (listener: unknown) => {
    if (typeof listener !== 'object' && typeof listener !== 'function') return 'none';
    if (listener === null) return 'none';
    if (!ids.has(listener)) ids.set(listener, next++);
    return ids.get(listener);
  };
  const watched = () => [window, document, navigator.mediaDevices];
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (watched().includes(this as never)) {
      let set = listeners.get(this);
      if (!set) listeners.set(this, (set = new Set()));
      const entry = key(type, listener, options);
      set.add(entry);
      // A listener added with a signal goes away when the signal aborts, without removeEventListener.
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => set.delete(entry), { once: true });
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    listeners.get(this)?.delete(key(type, listener, options));
    return remove.call(this, type, listener, options);
  };

  (window as unknown as { leakCounts: () => LeakCounts }).leakCounts = () => ({
    peerConnections: peers.size,
    openPeerConnections: [...peers].filter((pc) => pc.signalingState !== 'closed').length,
    intervals: intervals.size,
    timeouts: timeouts.size,
    globalListeners: [...listeners.values()].reduce((n, set) => n + set.size, 0),
    listenerTypes: Object.fromEntries(
      [...listeners].flatMap(([target, set]) => {
        const name =
          target === window ? 'window' : target === document ? 'document' : 'mediaDevices';
        const byType = new Map<string, number>();
        for (const entry of set) {
          const type = `${name}:${entry.split('|')[0]}`;
          byType.set(type, (byType.get(type) ?? 0) + 1);
        }
        return [...byType];
      }),
    ),
  });
}
