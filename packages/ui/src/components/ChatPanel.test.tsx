import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { ShowProvider } from '../hooks/context';
import { ShowActionError } from '../store/show-action-error';
import { createShowStore, type ShowPort } from '../store/show-store';
import { ChatPanel } from './ChatPanel';

const port = (sendChat: ShowPort['sendChat']): ShowPort => ({
  sendChat,
  deleteMessage: async () => {},
  react: async () => {},
  setPins: async () => {},
  startAudio: async () => {},
  retry: () => {},
});

function renderChat(sendChat: ShowPort['sendChat'], maxLength?: number) {
  const store = createShowStore({
    phase: 'live',
    self: { identity: 'me', name: 'Ana', role: 'viewer' },
    port: port(sendChat),
  });
  render(
    <ShowProvider store={store}>
      <ChatPanel {...(maxLength !== undefined && { maxLength })} />
    </ShowProvider>,
  );
  return store;
}

describe('ChatPanel feedback', () => {
  test('too fast: says when to try again and keeps the draft', async () => {
    renderChat(async () => ({ ok: false, refusal: { reason: 'rate_limited', retryInMs: 2300 } }));
    const input = screen.getByPlaceholderText('Say something nice…');
    await userEvent.type(input, 'hello{Enter}');
    expect(
      await screen.findByText('You are sending quickly. Try again in 3 s.'),
    ).toBeInTheDocument();
    expect(input).toHaveValue('hello');
  });

  test('the remaining characters show near the limit and sending stops past it', async () => {
    renderChat(async () => ({ ok: true }), 25);
    const input = screen.getByPlaceholderText('Say something nice…');
    await userEvent.type(input, 'abcdefghij');
    expect(screen.getByText('15 characters left')).toBeInTheDocument();
    await userEvent.type(input, 'x'.repeat(20));
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  test('without a maxLength of its own, the panel takes the session’s chat limit', async () => {
    const store = renderChat(async () => ({ ok: true }));
    store.setState({ chatLimits: { ...store.getState().chatLimits, maxLength: 12 } });
    await userEvent.type(screen.getByPlaceholderText('Say something nice…'), 'abcdefghij');
    expect(screen.getByText('2 characters left')).toBeInTheDocument();
  });

  test('a viewer sees no moderation tools; a sent message clears the draft', async () => {
    let sent = '';
    renderChat(async (text) => {
      sent = text;
      return { ok: true };
    });
    const input = screen.getByPlaceholderText('Say something nice…');
    await userEvent.type(input, 'nice{Enter}');
    expect(sent).toBe('nice');
    expect(input).toHaveValue('');
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });
});

describe('ChatPanel moderation', () => {
  function renderModerator(
    onMuteViewer: (identity: string) => Promise<void>,
    deleteMessage: ShowPort['deleteMessage'] = async () => {},
    {
      mutedIdentities = [],
      onUnmuteViewer,
    }: {
      mutedIdentities?: string[];
      onUnmuteViewer?: (identity: string) => Promise<void>;
    } = {},
  ) {
    const store = createShowStore({
      mutedIdentities,
      phase: 'live',
      self: { identity: 'mod', name: 'Mo', role: 'moderator' },
      port: { ...port(async () => ({ ok: true })), deleteMessage },
      messages: [
        {
          id: 'm1',
          text: 'buy my stuff at spam.example',
          sentAt: 0,
          from: { identity: 'v-1', name: 'Spammer', role: 'viewer' },
          local: false,
        },
      ],
    });
    render(
      <ShowProvider store={store}>
        <ChatPanel onMuteViewer={onMuteViewer} onUnmuteViewer={onUnmuteViewer} />
      </ShowProvider>,
    );
  }

  test('mute calls the app with the identity and says when it is done', async () => {
    const muted: string[] = [];
    renderModerator(async (identity) => {
      muted.push(identity);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Mute Spammer in chat' }));
    expect(muted).toEqual(['v-1']);
    expect(await screen.findByText('Spammer can no longer chat.')).toBeInTheDocument();
  });

  test.each(['Mute Spammer in chat', 'Delete message from Spammer'])(
    '%s: a failure is said, never swallowed',
    async (button) => {
      renderModerator(
        () => Promise.reject(new Error('503')),
        () => Promise.reject(new ShowActionError('offline', 'Not connected to the show.')),
      );
      await userEvent.click(screen.getByRole('button', { name: button }));
      expect(
        await screen.findByText('That did not go through. Check the connection and try again.'),
      ).toBeInTheDocument();
    },
  );

  test('a muted author is marked, and can be let back in', async () => {
    const unmuted: string[] = [];
    renderModerator(async () => {}, undefined, {
      mutedIdentities: ['v-1'],
      onUnmuteViewer: async (identity) => {
        unmuted.push(identity);
      },
    });
    expect(screen.getByText('Muted')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mute Spammer in chat' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Let Spammer chat again' }));
    expect(unmuted).toEqual(['v-1']);
    expect(await screen.findByText('Spammer can chat again.')).toBeInTheDocument();
  });
});

test('an author’s name is isolated, so right-to-left text cannot reorder the message', () => {
  const store = createShowStore({
    phase: 'live',
    self: { identity: 'me', name: 'Me', role: 'viewer' },
    messages: [
      {
        id: 'm1',
        text: 'hello',
        sentAt: 1,
        from: { identity: 'p', name: 'שרה', role: 'viewer' },
        local: false,
      },
    ],
  });
  render(
    <ShowProvider store={store}>
      <ChatPanel />
    </ShowProvider>,
  );
  expect(screen.getByText('שרה').tagName).toBe('BDI');
});
