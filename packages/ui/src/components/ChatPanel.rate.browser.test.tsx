// The studio's chat at 50 messages a second, in a real browser, alone: what the chat costs the
// page itself, apart from a crowd rig whose load generators share the machine's two cores. The
// messages arrive as the show server sends them (a packet every 200 ms, ten messages each, one
// store update per message, as bind-room applies them). Prints the long tasks; asserts only that
// every message is shown and the list stays bounded (timing is a benchmark figure, not a test).
import { expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import '../styles/index.css';
import { ShowProvider } from '../hooks/context';
import { defaultChatLimits, mergeBySeq, type ChatMessage } from '../store/chat';
import { createShowStore } from '../store/show-store';
import { ChatPanel } from './ChatPanel';

const RATE = 50;
const SECONDS = 8;
const PER_PACKET = RATE / 5;

test(`the studio's chat at ${RATE} messages a second: every message shown, the list bounded (prints long tasks)`, async () => {
  const store = createShowStore({
    phase: 'live',
    self: { identity: 'host', name: 'Maya', role: 'host' },
  });
  const screen = await render(
    <div style={{ width: 360, height: 640, display: 'flex' }}>
      <ShowProvider store={store}>
        {/* As in the studio: with moderation, so every line has its mute menu. */}
        <ChatPanel onMuteViewer={async () => {}} onUnmuteViewer={async () => {}} />
      </ShowProvider>
    </div>,
  );
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });

  let seq = 0;
  const packet = () => {
    for (let i = 0; i < PER_PACKET; i++) {
      seq++;
      const message: ChatMessage = {
        id: `m${seq}`,
        seq,
        text: `message ${seq} from a viewer who has something to say about the scarf`,
        sentAt: Date.now(),
        from: { identity: `p${seq % 100}`, name: `Viewer ${seq % 100}`, role: 'viewer' },
        local: false,
      };
      const { messages } = store.getState();
      store.setState({ messages: mergeBySeq(messages, [message], defaultChatLimits.keep) });
    }
  };
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      packet();
      if (seq >= RATE * SECONDS) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const elapsed = performance.now() - started;
  observer.disconnect();

  const root = screen.container;
  await expect.poll(() => root.textContent?.includes(`message ${RATE * SECONDS} from`)).toBe(true);
  expect(root.querySelectorAll('.show-chat__text').length).toBeLessThanOrEqual(
    defaultChatLimits.keep,
  );
  const busy = tasks.reduce((a, b) => a + b, 0);
  console.log(
    `studio chat at ${RATE} msgs/s for ${SECONDS} s (development React): ${tasks.length} long tasks, longest ${Math.round(Math.max(0, ...tasks))} ms, ${Math.round((busy / elapsed) * 100)} % of the time in long tasks`,
  );
});
