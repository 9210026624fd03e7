import { expect, test } from '@playwright/test';

test('the home page reaches the local LiveKit server and logs no error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Show' })).toBeVisible();
  await expect(page.getByText(process.env.NEXT_PUBLIC_LIVEKIT_URL ?? 'unset')).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toHaveText('reachable');
  await expect(status).toHaveAttribute('data-show-state', 'connected');
  expect(errors).toEqual([]);
});
