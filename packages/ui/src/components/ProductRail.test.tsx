import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ShowProvider } from '../hooks/context';
import { createShowStore } from '../store/show-store';
import { ProductCard } from './ProductRail';

const product = (url: string) => ({
  id: 'scarf',
  title: 'Merino scarf',
  price: { amount: 49.9, currency: 'EUR' },
  url,
});

test('a product link is a link only when it is http(s)', () => {
  const store = createShowStore({ phase: 'live' });
  const { rerender } = render(
    <ShowProvider store={store}>
      <ProductCard product={product('javascript:alert(document.cookie)')} />
    </ShowProvider>,
  );
  expect(screen.getByText('Merino scarf').closest('a')).toBeNull();
  rerender(
    <ShowProvider store={store}>
      <ProductCard product={product('https://shop.example/scarf')} />
    </ShowProvider>,
  );
  expect(screen.getByRole('link', { name: 'Merino scarf' })).toHaveAttribute(
    'href',
    'https://shop.example/scarf',
  );
});
