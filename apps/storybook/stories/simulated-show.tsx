// Stories run without a server: a show store in a chosen state, with an in-memory port that
// behaves like a room (chat echoes, pins apply, reactions count) and a picture drawn on a canvas.
import {
  createShowStore,
  ShowProvider,
  type AttachableTrack,
  type ChatMessage,
  type HostView,
  type Product,
  type ShowState,
  type ShowStore,
} from '@show/ui';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * A moving test picture: what the host's camera would be, drawn at 20 fps; `upright` for a phone
 * host's 9:16.
 */
export function simulatedCamera(label = 'Live from the studio', upright = false): AttachableTrack {
  const canvas = document.createElement('canvas');
  const [width, height] = upright ? [360, 640] : [640, 360];
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  let frame = 0;
  const draw = () => {
    if (!context) return;
    const hue = (frame * 2) % 360;
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, `hsl(${hue} 60% 35%)`);
    gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 60% 20%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#fff';
    context.font = '600 28px system-ui';
    context.fillText(label, 24, height - 40, width - 48);
    context.beginPath();
    context.arc(width / 2 + (width / 5) * Math.sin(frame / 20), height / 2.2, 40, 0, Math.PI * 2);
    context.fill();
    frame++;
  };
  draw();
  const stream = canvas.captureStream(20);
  const timer = setInterval(draw, 50);
  let attached = 0;
  return {
    attach(element) {
      attached++;
      element.srcObject = stream;
      void element.play().catch(() => {});
      return element;
    },
    detach(element) {
      element.srcObject = null;
      if (--attached === 0) clearInterval(timer);
      return element;
    },
  };
}

export const host = (overrides: Partial<HostView> = {}): HostView => ({
  identity: 'host',
  name: 'Maya from Atelier',
  status: 'live',
  camera: undefined,
  screen: undefined,
  microphone: true,
  ...overrides,
});

let sequence = 0;
export function message(
  text: string,
  from: Partial<ChatMessage['from']> = {},
  local = false,
): ChatMessage {
  sequence++;
  return {
    id: `m${sequence}`,
    text,
    sentAt: Date.UTC(2026, 10, 24, 18, 0, sequence),
    from: { identity: `viewer-${sequence}`, name: 'Sam', role: 'viewer', ...from },
    local,
  };
}

/** A store in `state` whose port acts like a room: every action changes the state as a room would. */
export function simulatedStore(state: Partial<ShowState>): ShowStore {
  const store = createShowStore(state);
  store.setState({
    port: {
      async sendChat(text) {
        const s = store.getState();
        const mine = message(text.trim(), s.self ?? {}, true);
        store.setState({ messages: [...s.messages, mine] });
        return { ok: true };
      },
      async deleteMessage(id) {
        store.setState({ messages: store.getState().messages.filter((m) => m.id !== id) });
      },
      async react() {
        store.setState({ reactions: store.getState().reactions + 1 });
      },
      async setPins(ids) {
        store.setState({ pinnedIds: [...ids] });
      },
      async startAudio() {
        store.setState({ audioBlocked: false });
      },
      retry() {
        // The simulated server is still unreachable: a short "connecting", then the same error
        // again, so a story about an error ends showing that error.
        const { phase, error } = store.getState();
        store.setState({ phase: 'connecting', error: undefined });
        if (phase === 'error') setTimeout(() => store.setState({ phase, error }), 600);
      },
    },
    ...state,
  });
  return store;
}

/** A change the simulated show makes by itself, `afterMs` after the story renders. */
export interface LaterState {
  afterMs: number;
  state: () => Partial<ShowState>;
}

/**
 * Provides a fresh simulated show to a story (a new store per render of the story); `later`
 * changes it once, as a room would (a connection dropping after the picture was seen).
 */
export function SimulatedShow({
  state,
  later,
  children,
}: {
  state: () => Partial<ShowState>;
  later?: LaterState | undefined;
  children: ReactNode;
}) {
  const [store] = useState(() => simulatedStore(state()));
  useEffect(() => {
    if (!later) return;
    const timer = setTimeout(() => store.setState(later.state()), later.afterMs);
    return () => clearTimeout(timer);
  }, [store, later]);
  return <ShowProvider store={store}>{children}</ShowProvider>;
}

const svg = (body: string, bg: string) =>
  `data:image/svg+xml;utf8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><rect width="120" height="120" fill="${bg}"/>${body}</svg>`,
  )}`;

/** Products with pictures drawn for these stories. */
export const catalog: Product[] = [
  {
    id: 'scarf',
    title: 'Merino scarf, rose',
    price: { amount: 49.9, currency: 'EUR' },
    stock: 2,
    image: svg('<path d="M30 20h60v30l-20 60H50l-20-60z" fill="#e85d75"/>', '#fde2e7'),
  },
  {
    id: 'mug',
    title: 'Stoneware mug',
    price: { amount: 18, currency: 'EUR' },
    stock: 40,
    image: svg(
      '<rect x="30" y="35" width="50" height="55" rx="8" fill="#5b7db1"/><circle cx="88" cy="62" r="14" fill="none" stroke="#5b7db1" stroke-width="7"/>',
      '#e3ecf8',
    ),
  },
  {
    id: 'lamp',
    title: 'Brass table lamp',
    price: { amount: 129, currency: 'EUR' },
    image: svg(
      '<path d="M40 30h40l12 35H28z" fill="#d4a017"/><rect x="57" y="65" width="6" height="30" fill="#8a6d1d"/><rect x="40" y="95" width="40" height="6" fill="#8a6d1d"/>',
      '#fbf1d3',
    ),
  },
  {
    id: 'vase',
    title: 'Hand-blown glass vase',
    price: { amount: 35, currency: 'EUR' },
    stock: 0,
    image: svg(
      '<path d="M48 20h24v15c15 10 18 30 12 55H36c-6-25-3-45 12-55z" fill="#3aa58b"/>',
      '#dff4ee',
    ),
  },
];
