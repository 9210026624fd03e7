import { expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import '../styles/index.css';
import { ShowProvider } from '../hooks/context';
import { createShowStore } from '../store/show-store';
import { PlayerStage } from './PlayerStage';

// Phones from 320 px: the player takes its container's width, and nothing scrolls sideways.
test.each([320, 390])('the player fits a %i px wide column', async (width) => {
  const store = createShowStore({ phase: 'waiting' });
  const screen = await render(
    <div style={{ width, overflow: 'auto' }} data-testid="column">
      <ShowProvider store={store}>
        <PlayerStage />
      </ShowProvider>
    </div>,
  );
  const column = screen.getByTestId('column').element() as HTMLElement;
  const player = column.querySelector('.show-player') as HTMLElement;
  expect(player.getBoundingClientRect().width).toBeLessThanOrEqual(width);
  expect(column.scrollWidth).toBeLessThanOrEqual(width);
  // Still a 16:9 picture.
  expect(player.getBoundingClientRect().height).toBeCloseTo((width * 9) / 16, 0);
});
