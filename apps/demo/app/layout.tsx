import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@show/ui/styles.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'Show — live video shopping on LiveKit',
  description: 'A live shopping show: host studio, viewer page, chat and a shoppable product rail.',
};

// Edge to edge on phones with a notch or a home bar: @show/ui keeps its controls inside the safe
// areas (env(safe-area-inset-*)).
export const viewport: Viewport = { width: 'device-width', initialScale: 1, viewportFit: 'cover' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // No data-show-theme: the page follows the system (globals.css declares both schemes).
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
