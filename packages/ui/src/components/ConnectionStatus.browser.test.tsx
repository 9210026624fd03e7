import { expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import '../styles/index.css';
import { ConnectionStatus } from './ConnectionStatus';

// In real Chromium the stylesheet applies: the dot follows the state through data attributes.
test('the status dot takes its colour from the state', async () => {
  const screen = await render(
    <div data-show-theme="light">
      <ConnectionStatus state="connected" />
      <ConnectionStatus state="disconnected" />
    </div>,
  );
  const dots = [...screen.container.querySelectorAll('.show-connection-status__dot')];
  const colours = dots.map((dot) => getComputedStyle(dot).backgroundColor);
  expect(colours).toEqual(['rgb(0, 122, 90)', 'rgb(179, 38, 30)']);
  await expect.element(screen.getByText('Connected', { exact: true })).toBeVisible();
});
