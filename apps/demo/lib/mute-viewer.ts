/** Asks the app's server to mute or unmute a viewer's chat (it holds the rights; no client does). */
export async function muteViewer(room: string, identity: string, muted = true): Promise<void> {
  const response = await fetch(`/api/shows/${encodeURIComponent(room)}/chat-mute`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity, muted }),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`Muting answered ${response.status}.`);
}
