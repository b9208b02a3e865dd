/**
 * Which addresses are not the public internet: a public profile URL that redirects into them (cloud
 * metadata at 169.254.169.254, an intranet at 10.0.0.1, the machine itself), or a URL a public server
 * hands over that leads there (a Link header, a feed link, a paging URL), is refused, unless the run
 * allows it (`allowPrivateRedirects` for intranet audits). Names are resolved first, so a host name
 * that points at such an address (`metadata.google.internal`) cannot sneak through; URL parsing has
 * already turned `2130706433`, `0x7f.1` and `0177.0.0.1` into 127.0.0.1. IPv6 addresses that carry an
 * IPv4 one (IPv4-mapped and -compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they reach.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network, unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['64:ff9b:1::', 48], // NAT64 for local use (RFC 8215): whatever it translates to is a local network's
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address in any of its spellings (`::`, a trailing dotted IPv4), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0)
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [, a, b, c, d] = dotted.map(Number) as [number, number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, ...more] = text.split('::');
  if (more.length > 0) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const value = Number.parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}

const ipv4At = (bytes: readonly number[], at: number, mask = 0) =>
  bytes
    .slice(at, at + 4)
    .map((b) => b ^ mask)
    .join('.');
const zeros = (bytes: readonly number[], from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);

/**
 * The IPv4 address an IPv6 one reaches, where it carries one: IPv4-mapped (::ffff:a.b.c.d) and
 * -translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d, ::1 and :: included), NAT64's well-known
 * prefix (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo's client (2001:0::, inverted).
 */
function embeddedIpv4(bytes: readonly number[]): string | null {
  if (zeros(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return ipv4At(bytes, 12);
  if (zeros(bytes, 0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(bytes, 10, 12)) return ipv4At(bytes, 12);
  if (zeros(bytes, 0, 12)) return ipv4At(bytes, 12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(bytes, 4, 12))
    return ipv4At(bytes, 12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return ipv4At(bytes, 2);
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0 && bytes[3] === 0) return ipv4At(bytes, 12, 0xff);
  return null;
}

/** True for a loopback, private, link-local, unspecified, multicast or reserved address, or an IPv6 one that reaches one. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family === 0) return false;
  const bytes = ipv6Bytes(bare);
  if (bytes === null) return true; // isIP said IPv6 and it cannot be read: not trusted as public
  const ipv4 = embeddedIpv4(bytes);
  if (ipv4 !== null) return PRIVATE.check(ipv4, 'ipv4');
  return PRIVATE.check(bare.replace(/%.*$/, ''), 'ipv6');
}

/** A host's addresses: itself when it is an address, else what DNS says (empty when it does not resolve). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const resolveHost: Resolver = async (hostname) => {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  try {
    return (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return []; // does not resolve: the request itself will say so
  }
};
