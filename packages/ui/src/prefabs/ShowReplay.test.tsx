import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Product } from '../store/products';
import type { ReplayTimeline } from '../store/replay';
import { ShowReplay } from './ShowReplay';

const START = 1_780_000_000_000;
const products: Product[] = [
  { id: 'mug', title: 'Stoneware mug', price: { amount: 18, currency: 'EUR' } },
  { id: 'scarf', title: 'Silk scarf', price: { amount: 49, currency: 'EUR' } },
];
const timeline: ReplayTimeline = {
  startedAt: START,
  pins: [
    { at: START + 5_000, ids: ['mug'] },
    { at: START + 65_000, ids: ['scarf'] },
  ],
  chat: [
    {
      id: 'a',
      seq: 1,
      text: 'Is the mug dishwasher safe?',
      sentAt: START + 10_000,
      from: { person: 'p'.repeat(22), name: 'Ana', role: 'viewer' },
    },
    {
      id: 'b',
      seq: 2,
      text: 'It is!',
      sentAt: START + 20_000,
      from: { person: 'h'.repeat(22), name: 'Host', role: 'host' },
    },
  ],
};

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

/** jsdom plays no media: moving `currentTime` and firing `timeupdate` is what a browser does. */
function playTo(seconds: number) {
  const video = screen.getByLabelText('Replay of the show') as HTMLVideoElement;
  act(() => {
    Object.defineProperty(video, 'currentTime', {
      value: seconds,
      configurable: true,
      writable: true,
    });
    fireEvent.timeUpdate(video);
  });
}

const overlay = () => document.querySelector('.show-replay__pins') as HTMLElement;

describe('ShowReplay', () => {
  test('pins come back over the video at the moment they were pinned, the chat in step', () => {
    render(
      <ShowReplay
        src="/recording.mp4"
        timeline={timeline}
        products={products}
        showId="spring-drop"
        cartStorage={memoryStorage()}
      />,
    );
    expect(within(overlay()).queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('Nothing said yet at this point.')).toBeDefined();
    playTo(5.2);
    expect(within(overlay()).getByRole('article', { name: 'Stoneware mug' })).toBeDefined();
    playTo(12);
    expect(screen.getByText('Is the mug dishwasher safe?')).toBeDefined();
    expect(screen.queryByText('It is!')).toBeNull();
    playTo(70);
    expect(within(overlay()).getByRole('article', { name: 'Silk scarf' })).toBeDefined();
    expect(within(overlay()).queryByRole('article', { name: 'Stoneware mug' })).toBeNull();
    expect(screen.getByText('It is!')).toBeDefined();
    // Seeking back brings back what was pinned then.
    playTo(6);
    expect(within(overlay()).getByRole('article', { name: 'Stoneware mug' })).toBeDefined();
  });

  test('chapters jump to each product; add to cart works and is kept for the show', () => {
    const storage = memoryStorage();
    render(
      <ShowReplay
        src="/recording.mp4"
        timeline={timeline}
        products={products}
        showId="spring-drop"
        cartStorage={storage}
      />,
    );
    const video = screen.getByLabelText('Replay of the show') as HTMLVideoElement;
    video.play = () => Promise.resolve();
    fireEvent.click(screen.getByRole('button', { name: 'Jump to Silk scarf 1:05' }));
    expect(video.currentTime).toBe(65);
    expect(within(overlay()).getByRole('article', { name: 'Silk scarf' })).toBeDefined();
    fireEvent.click(within(overlay()).getByRole('button', { name: 'Add to cart' }));
    expect(JSON.parse(storage.getItem('show:cart:spring-drop') ?? '{}')).toEqual({ scarf: 1 });
    expect(screen.getByRole('button', { name: /checkout/i })).toBeDefined();
  });
});
