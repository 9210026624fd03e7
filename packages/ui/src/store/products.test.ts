import { expect, test } from 'vitest';
import { safeProductUrl } from './products';

test('product links are http(s) only: no script, data or file links', () => {
  for (const url of ['https://shop.example/scarf', 'http://shop.example/mug', '/products/lamp']) {
    expect(safeProductUrl(url)).toBe(url);
  }
  for (const url of [
    'javascript:alert(document.cookie)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'http://[broken',
  ]) {
    expect(safeProductUrl(url)).toBeUndefined();
  }
  expect(safeProductUrl(undefined)).toBeUndefined();
});
