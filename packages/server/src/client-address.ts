// Who is asking, by network address, for per-address limits. Only what trusted proxies wrote is
// believed: `X-Forwarded-For` is a list anyone can start, and each proxy appends the address it
// saw. With `hops` trusted proxies in front, the client is the entry `hops` from the end. With none
// (the default), no header is believed and the address is unknown: Next.js and most frameworks
// keep a client's own `X-Forwarded-For` instead of the socket's address, so it cannot be told
// apart from theirs.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The address in canonical form, or undefined when `text` is no IPv4 or IPv6 address. */
export function parseAddress(text: string): string | undefined {
  let value = text.trim();
  // `[v6]:port`, `[v6]`, `v4:port`
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (IPV4.test(value)) return value;
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://[${value}]/`).hostname;
  } catch {
    return undefined;
  }
  const v6 = hostname.slice(1, -1);
  // An IPv4 client seen through a dual-stack socket: the same client as its IPv4 address.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (mapped) {
    const high = parseInt(mapped[1] as string, 16);
    const low = parseInt(mapped[2] as string, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return v6;
}

/**
 * The client's address as the nearest of `hops` trusted proxies saw it, or undefined when there
 * are none, the header has fewer entries than proxies (a misconfigured or bypassed proxy), or the
 * entry is not an address.
 */
export function clientAddress(request: Request, hops: number): string | undefined {
  if (hops <= 0) return undefined;
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[chain.length - hops];
  return entry === undefined ? undefined : parseAddress(entry);
}

/**
 * What a per-address limit counts: an IPv4 address, or an IPv6 address's /64 (one customer's
 * network: anyone with IPv6 can pick new addresses inside theirs at will).
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups.slice(0, 4).join(':')}::/64`;
}
