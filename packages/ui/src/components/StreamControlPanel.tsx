import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useShow } from '../hooks/context';
import { useElapsed } from '../hooks/useElapsed';
import { useStudioFigures } from '../hooks/useStudioFigures';
import { useViewerCount } from '../hooks/useViewerCount';
import { formatCount, formatElapsed } from '../format';
import { hostAdvice, type HostAdviceTopic } from '../store/host-advice';
import type { Product } from '../store/products';
import type { ShowPhase } from '../store/show-store';
import { ProductCard } from './ProductRail';

export interface ControlPanelLabels {
  title: string;
  goLive: string;
  /** After a failed connection: join again (the studio keeps its preview). */
  retry: string;
  goingLive: string;
  endShow: string;
  confirmEnd: string;
  confirmEndYes: string;
  confirmEndNo: string;
  elapsed: string;
  viewers: string;
  viewersSeen: string;
  /** The show's figures so far, from the show's server (with `server` on the broadcaster). */
  peak: string;
  hearts: string;
  addedToCart: string;
  checkouts: string;
  /** What the stream's health means for the show, in a seller's words; a hint on what to do. */
  advice: Record<Exclude<HostAdviceTopic, 'other'>, { headline: string; hint?: string }>;
  /** Opens the engineer's figures (the panel's children). */
  details: string;
  pins: string;
  failed: string;
  status: Record<ShowPhase, string>;
}

export const defaultControlPanelLabels: ControlPanelLabels = {
  title: 'Show controls',
  goLive: 'Go Live',
  retry: 'Try again',
  goingLive: 'Going live…',
  endShow: 'End show',
  confirmEnd: 'End the show for everyone watching?',
  confirmEndYes: 'Yes, end the show',
  confirmEndNo: 'Keep streaming',
  elapsed: 'On air',
  viewers: 'Viewers',
  viewersSeen: 'In the room',
  peak: 'Most at once',
  hearts: 'Hearts',
  addedToCart: 'Added to cart',
  checkouts: 'Checkouts',
  advice: {
    measuring: { headline: 'Checking your stream…' },
    healthy: { headline: 'Your stream is healthy.' },
    'weak-upload': {
      headline: 'Your upload is struggling: some viewers see a softer picture.',
      hint: 'Move closer to your Wi-Fi router or plug in a cable, and close apps that upload.',
    },
    'upload-dropped': {
      headline: 'Viewers are buffering: your upload is too weak.',
      hint: 'Move closer to your Wi-Fi router or plug in a cable, and close apps that upload.',
    },
    reconnecting: {
      headline: 'Your connection dropped. Reconnecting…',
      hint: 'Viewers see your last picture until you are back.',
    },
    'slow-network': {
      headline: 'Your connection is slow: what you do reaches viewers a moment late.',
      hint: 'A cable, or a spot closer to your Wi-Fi router, helps.',
    },
    'viewers-struggling': {
      headline: 'Many viewers have weak connections. Your stream is fine.',
      hint: 'They get a lighter picture by themselves: nothing to do on your side.',
    },
  },
  details: 'Technical details',
  pins: 'Pinned products',
  failed: 'That did not work. Check your connection and try again.',
  status: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    waiting: 'Ready to go live',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    'host-left': 'Ready to go live',
    ended: 'Show ended',
    error: 'Connection failed',
  },
};

export interface StreamControlPanelProps extends HTMLAttributes<HTMLElement> {
  /** The server's count of viewers (it sees everyone); without it, the participants this page sees. */
  viewerCount?: number;
  /** Products the host may pin (up to three). */
  products?: readonly Product[];
  locale?: string | undefined;
  labels?: Partial<ControlPanelLabels> | undefined;
  /** The engineer's figures (`<StreamMetrics />`), one click away behind "Technical details". */
  children?: ReactNode;
  /** How often the show's figures are asked of the server while on air; default 5000 ms. */
  figuresIntervalMs?: number;
}

/**
 * The host's dashboard: go live, end the show (after confirming), status, time on air, viewers,
 * the stream's health in one sentence a seller acts on (with a hint), the engineer's figures
 * behind a disclosure, and pin controls.
 */
export function StreamControlPanel({
  viewerCount,
  products = [],
  locale,
  labels,
  className,
  children,
  figuresIntervalMs,
  ...rest
}: StreamControlPanelProps) {
  const l = { ...defaultControlPanelLabels, ...labels };
  const phase = useShow((s) => s.phase);
  const studio = useShow((s) => s.studio);
  const port = useShow((s) => s.port);
  const liveSince = useShow((s) => s.liveSince);
  const alerts = useShow((s) => s.metrics.alerts);
  const measured = useShow((s) => s.metrics.latest !== undefined);
  const fleet = useShow((s) => s.metrics.fleet);
  const viewers = useViewerCount(viewerCount);
  const figures = useStudioFigures(figuresIntervalMs);
  const elapsed = useElapsed(phase === 'live' ? liveSince : undefined);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function run(action: (() => Promise<void>) | undefined) {
    if (!action) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch {
      setFailure(l.failed);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const advice = hostAdvice(measured, alerts, fleet);
  const words =
    advice.topic === 'other' ? { headline: advice.message ?? '' } : l.advice[advice.topic];
  const health = advice.severity;
  const canGoLive = phase === 'waiting' && studio !== undefined && !busy;
  return (
    <section
      aria-label={l.title}
      {...rest}
      className={className ? `show-control-panel ${className}` : 'show-control-panel'}
      data-show-phase={phase}
      data-show-health={health}
    >
      <p className="show-control-panel__status" role="status" aria-live="polite">
        <span className="show-badge" data-show-phase={phase}>
          {l.status[phase]}
        </span>
        {failure && <span className="show-control-panel__failure">{failure}</span>}
      </p>
      <dl className="show-control-panel__figures">
        <div>
          <dt>{l.elapsed}</dt>
          <dd>
            <time>{elapsed === undefined ? '—' : formatElapsed(elapsed)}</time>
          </dd>
        </div>
        <div>
          <dt>{viewers.fromServer ? l.viewers : l.viewersSeen}</dt>
          <dd data-show-viewers={viewers.count}>{formatCount(viewers.count, locale)}</dd>
        </div>
        {figures &&
          (
            [
              ['peak', l.peak, figures.peakConcurrency],
              ['hearts', l.hearts, figures.hearts],
              ['added-to-cart', l.addedToCart, figures.addedToCart.live],
              ['checkouts', l.checkouts, figures.checkoutRequests.live],
            ] as const
          ).map(([key, label, value]) => (
            <div key={key} data-show-figure={key}>
              <dt>{label}</dt>
              <dd>{formatCount(value, locale)}</dd>
            </div>
          ))}
      </dl>
      {/* About the stream: said while there is one (not beside "Connection failed"). */}
      {(phase === 'live' || phase === 'reconnecting') && (
        <div className="show-control-panel__advice" data-show-health={health}>
          <p className="show-control-panel__headline">{words.headline}</p>
          {words.hint && <p className="show-control-panel__hint">{words.hint}</p>}
        </div>
      )}
      {children && (
        <details className="show-control-panel__details">
          <summary>{l.details}</summary>
          {children}
        </details>
      )}
      <div className="show-control-panel__actions">
        {phase === 'error' && (
          <button
            type="button"
            className="show-button show-button--primary"
            onClick={() => port?.retry()}
          >
            {l.retry}
          </button>
        )}
        {phase !== 'live' && phase !== 'ended' && phase !== 'error' && (
          <button
            type="button"
            className="show-button show-button--primary"
            disabled={!canGoLive}
            onClick={() => void run(studio?.goLive)}
          >
            {busy ? l.goingLive : l.goLive}
          </button>
        )}
        {phase === 'live' && !confirming && (
          <button
            type="button"
            className="show-button show-button--danger"
            onClick={() => setConfirming(true)}
          >
            {l.endShow}
          </button>
        )}
        {confirming && (
          <div role="group" aria-label={l.confirmEnd} className="show-control-panel__confirm">
            <p>{l.confirmEnd}</p>
            <button
              ref={confirmRef}
              type="button"
              className="show-button show-button--danger"
              disabled={busy}
              onClick={() => void run(studio?.endShow)}
            >
              {l.confirmEndYes}
            </button>
            <button type="button" className="show-button" onClick={() => setConfirming(false)}>
              {l.confirmEndNo}
            </button>
          </div>
        )}
      </div>
      {products.length > 0 && (
        <section aria-label={l.pins} className="show-control-panel__pins">
          <h2 className="show-control-panel__heading">{l.pins}</h2>
          <ul className="show-products__list">
            {products.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} locale={locale} hostControls />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
