import { useShow } from './context';

/**
 * How many watch: the server's figure when the app has one (it counts everyone, beyond what
 * this page can see), otherwise the participants this page sees besides the host.
 */
export function useViewerCount(serverCount?: number): { count: number; fromServer: boolean } {
  const audience = useShow((s) => s.audience);
  return serverCount === undefined
    ? { count: audience, fromServer: false }
    : { count: serverCount, fromServer: true };
}
