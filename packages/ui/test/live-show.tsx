// A page for the live tests: mounts the package's prefabs against the real server on request.
import { Room } from 'livekit-client';
import { createRoot, type Root } from 'react-dom/client';
import {
  ChatPanel,
  LiveKitBroadcaster,
  LiveKitPlayer,
  ShowInterface,
  StreamControlPanel,
  StreamMetrics,
  useStreamMetrics,
  type Product,
  type RetryPolicy,
} from '../src/index';

export const products: Product[] = [
  { id: 'mug', title: 'Stoneware mug', price: { amount: 18, currency: 'EUR' }, stock: 12 },
  { id: 'scarf', title: 'Merino scarf', price: { amount: 49.9, currency: 'EUR' }, stock: 2 },
  { id: 'lamp', title: 'Brass lamp', price: { amount: 120, currency: 'EUR' } },
  { id: 'vase', title: 'Glass vase', price: { amount: 35, currency: 'EUR' }, stock: 0 },
];

function Health() {
  return <StreamMetrics {...useStreamMetrics()} />;
}

let root: Root | undefined;
let requests = 0;
let host: HTMLElement | undefined;

function mount(element: React.ReactElement) {
  root?.unmount();
  host ??= document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  root.render(element);
}

export interface LiveShowPage {
  broadcaster(serverUrl: string, token: string): void;
  viewer(serverUrl: string, token: string): void;
  player(
    serverUrl: string,
    token: string,
    retry?: Partial<RetryPolicy>,
    reconnectMs?: number,
  ): void;
  /** A player whose token function fails `failures` times before it answers. */
  flakyTokenPlayer(serverUrl: string, token: string, failures: number): void;
  /** Token requests the flaky player made so far. */
  tokenRequests(): number;
  unmount(): void;
  /** Creates and drops `count` bare livekit-client rooms (no component of ours involved). */
  bareRooms(count: number): void;
  /** Frames the page's video element has decoded so far. */
  framesDecoded(): number;
}

const page: LiveShowPage = {
  broadcaster(serverUrl, token) {
    mount(
      <LiveKitBroadcaster serverUrl={serverUrl} token={token} showId="live-test">
        <StreamControlPanel products={products} />
        <Health />
        <ChatPanel />
      </LiveKitBroadcaster>,
    );
  },
  viewer(serverUrl, token) {
    mount(
      <ShowInterface serverUrl={serverUrl} token={token} products={products} showId="live-test" />,
    );
  },
  player(serverUrl, token, retry, reconnectMs) {
    mount(
      <LiveKitPlayer
        serverUrl={serverUrl}
        token={token}
        {...(retry && { retry })}
        {...(reconnectMs !== undefined && {
          // Give up reconnecting after about reconnectMs, so the test reaches the error state.
          roomOptions: {
            reconnectPolicy: {
              nextRetryDelayInMs: ({ elapsedMs }) => (elapsedMs < reconnectMs ? 500 : null),
            },
          },
        })}
      />,
    );
  },
  flakyTokenPlayer(serverUrl, token, failures) {
    requests = 0;
    const fetchToken = async () => {
      requests++;
      if (requests <= failures) throw new Error('token endpoint answered 503');
      return token;
    };
    mount(<LiveKitPlayer serverUrl={serverUrl} token={fetchToken} retry={{ baseDelayMs: 200 }} />);
  },
  tokenRequests: () => requests,
  unmount() {
    root?.unmount();
    root = undefined;
  },
  bareRooms(count) {
    for (let i = 0; i < count; i++) void new Room().disconnect();
  },
  framesDecoded() {
    const video = document.querySelector('video');
    return video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
  },
};

(window as unknown as { showPage: LiveShowPage }).showPage = page;
