import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ConnectionStatus } from './ConnectionStatus';

describe('ConnectionStatus', () => {
  test('announces the state politely and exposes it for styling', () => {
    render(<ConnectionStatus state="reconnecting" />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Reconnecting…');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveAttribute('data-show-state', 'reconnecting');
  });

  test('takes localised labels and keeps its own class next to the caller’s', () => {
    render(
      <ConnectionStatus state="connected" labels={{ connected: 'Verbunden' }} className="mine" />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Verbunden');
    expect(status).toHaveClass('show-connection-status', 'mine');
  });
});
