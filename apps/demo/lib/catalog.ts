import type { Product } from '@show/ui';

/** What the studio and viewer pages get from the server. */
export interface ShowPageProps {
  serverUrl: string;
  room: string;
  products: Product[];
}

/** The show and what it sells. Pictures are drawn for this repo (public/products). */
export const SHOW_ROOM = 'spring-drop';
export const SHOW_TITLE = 'Spring Drop: handmade homeware, live from the atelier';

export const catalog: Product[] = [
  {
    id: 'scarf',
    title: 'Merino scarf, rose',
    price: { amount: 49.9, currency: 'EUR' },
    stock: 6,
    image: '/products/scarf.svg',
  },
  {
    id: 'mug',
    title: 'Stoneware mug',
    price: { amount: 18, currency: 'EUR' },
    stock: 40,
    image: '/products/mug.svg',
  },
  {
    id: 'lamp',
    title: 'Brass table lamp',
    price: { amount: 129, currency: 'EUR' },
    stock: 3,
    image: '/products/lamp.svg',
  },
  {
    id: 'vase',
    title: 'Hand-blown glass vase',
    price: { amount: 35, currency: 'EUR' },
    stock: 0,
    image: '/products/vase.svg',
  },
  {
    id: 'tote',
    title: 'Waxed canvas tote',
    price: { amount: 59, currency: 'EUR' },
    image: '/products/tote.svg',
  },
  {
    id: 'candle',
    title: 'Lavender soy candle',
    price: { amount: 22.5, currency: 'EUR' },
    stock: 25,
    image: '/products/candle.svg',
  },
  {
    id: 'bowl',
    title: 'Olive-glaze serving bowl',
    price: { amount: 44, currency: 'EUR' },
    stock: 8,
    image: '/products/bowl.svg',
  },
  {
    id: 'throw',
    title: 'Striped wool throw',
    price: { amount: 89, currency: 'EUR' },
    stock: 5,
    image: '/products/throw.svg',
  },
];
