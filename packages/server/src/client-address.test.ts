import { expect, test } from 'vitest';
import { addressKey, clientAddress, parseAddress } from './client-address';

const from = (...forwarded: string[]) => {
  const headers = new Headers();
  for (const value of forwarded) headers.append('X-Forwarded-For', value);
  return new Request('https://shop.example/', { headers });
};

test('with no trusted proxy, no header is believed', () => {
  expect(clientAddress(from('203.0.113.9'), 0)).toBeUndefined();
  expect(clientAddress(from(), 1)).toBeUndefined();
});

test('with trusted proxies, the entry the nearest one appended, whatever the client started with', () => {
  // The client sent "1.1.1.1, 2.2.2.2"; our proxy appended the address it saw.
  expect(clientAddress(from('1.1.1.1, 2.2.2.2, 198.51.100.7'), 1)).toBe('198.51.100.7');
  // A CDN, then our proxy: the client is the CDN's entry.
  expect(clientAddress(from('1.1.1.1, 198.51.100.7', '192.0.2.1'), 2)).toBe('198.51.100.7');
  // Fewer entries than proxies: the proxy was bypassed or is not configured to append.
  expect(clientAddress(from('198.51.100.7'), 2)).toBeUndefined();
  // Not an address at all.
  expect(clientAddress(from('1.1.1.1, unknown'), 1)).toBeUndefined();
  expect(clientAddress(from('1.1.1.1, 999.1.1.1'), 1)).toBeUndefined();
});

test('addresses are parsed strictly and put in one form', () => {
  expect(parseAddress('198.51.100.7:4711')).toBe('198.51.100.7');
  expect(parseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
  expect(parseAddress('2001:0db8:0000::0001')).toBe('2001:db8::1');
  expect(parseAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
  expect(parseAddress('01.2.3.4')).toBeUndefined();
  expect(parseAddress('example.com')).toBeUndefined();
  expect(parseAddress('1.2.3')).toBeUndefined();
  expect(parseAddress('')).toBeUndefined();
});

test('IPv6 clients are counted per /64, IPv4 per address', () => {
  expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(addressKey('::1')).toBe('0:0:0:0::/64');
});
