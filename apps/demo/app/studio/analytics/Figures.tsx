'use client';
import type { AnalyticsBody } from '@show/server';
import { useEffect, useState } from 'react';

type Loaded = { figures: AnalyticsBody } | { problem: string } | undefined;

const percent = (ratio: number | undefined) =>
  ratio === undefined ? '—' : `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`;
const minutes = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : `${(seconds / 60).toFixed(1)} min`;
const both = ({ live, replay }: { live: number; replay: number }) => `${live} · ${replay}`;

/** The latest show's figures, from the show's server (host only), with CSV and JSON exports. */
export function Figures({
  room,
  products,
}: {
  room: string;
  products: Array<{ id: string; title: string }>;
}) {
  const [loaded, setLoaded] = useState<Loaded>();
  const path = `/api/shows/${encodeURIComponent(room)}/analytics`;
  useEffect(() => {
    fetch(path, { cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json()) as AnalyticsBody & { error?: { message: string } };
        if (!response.ok)
          throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
        setLoaded({ figures: body });
      })
      .catch((error: unknown) =>
        setLoaded({
          problem: error instanceof Error ? error.message : 'The figures could not load.',
        }),
      );
  }, [path]);

  if (!loaded) return <p role="status">Counting…</p>;
  if ('problem' in loaded) return <p role="alert">{loaded.problem}</p>;
  const { figures } = loaded;
  const title = (id: string) => products.find((p) => p.id === id)?.title ?? id;
  const overview: Array<[string, string, string]> = [
    ['viewers', 'Viewers', String(figures.uniqueViewers)],
    ['peak', 'Most at once', String(figures.peakConcurrency)],
    ['hearts', 'Hearts', String(figures.hearts)],
    ['average', 'On average', figures.averageConcurrency.toFixed(1)],
    ['watch-time', 'Average watch time', minutes(figures.averageWatchSeconds)],
    ['replay-viewers', 'Replay viewers', String(figures.replayViewers)],
    ['conversion', 'Asked to check out', percent(figures.checkoutConversion)],
    ['orders', 'Orders reported by the shop', String(figures.orders)],
  ];
  return (
    <section className="figures" aria-label="The show's figures">
      <p>
        From {new Date(figures.from).toLocaleString()} to {new Date(figures.to).toLocaleString()}.{' '}
        <a href={`${path}?format=csv`} download>
          Download CSV
        </a>{' '}
        · <a href={path}>JSON</a>
      </p>
      <dl className="figures__overview">
        {overview.map(([key, label, value]) => (
          <div key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="figures__products">
        <caption>By product (live · replay)</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Seen</th>
            <th scope="col">Opened</th>
            <th scope="col">Added to cart</th>
            <th scope="col">Checkout requests</th>
            <th scope="col">Sold</th>
            <th scope="col">Conversion</th>
          </tr>
        </thead>
        <tbody>
          {figures.products.map((p) => (
            <tr key={p.product} data-product={p.product}>
              <th scope="row">{title(p.product)}</th>
              <td data-figure="impressions">{both(p.impressions)}</td>
              <td data-figure="clicks">{both(p.clicks)}</td>
              <td data-figure="added">{both(p.addedToCart)}</td>
              <td data-figure="checkouts">{both(p.checkoutRequests)}</td>
              <td data-figure="sold">{p.unitsSold}</td>
              <td data-figure="conversion">{percent(p.conversion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {figures.products.length === 0 && <p>No product was seen long enough to count yet.</p>}
    </section>
  );
}
