/**
 * Property tests (fast-check, seeded as in fuzz.test.ts) of the public-address check every URL a server
 * supplies passes (issue 30, critical 7): whatever spelling a URL gives an IPv4 address (decimal,
 * hexadecimal, octal, shortened, or inside an IPv6 address: mapped, compatible, NAT64, 6to4, Teredo),
 * it is judged as that IPv4 address, and a private one handed over by a public server is never fetched.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../src/http/live.js';
import { isPrivateAddress } from '../src/http/private-address.js';
import { FetchError } from '../src/http/types.js';

const RUNS = { numRuns: 400, seed: 20261201 };

const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
/** Addresses in the private ranges, and anything at all. */
const privateOctets = fc.oneof(
  octets.map(([, b, c, d]) => [127, b, c, d] as const),
  octets.map(([, b, c, d]) => [10, b, c, d] as const),
  octets.map(([, , c, d]) => [169, 254, c, d] as const),
  octets.map(([, , c, d]) => [192, 168, c, d] as const),
  octets.map(([, b, c, d]) => [172, 16 + (b % 16), c, d] as const),
  octets.map(([, b, c, d]) => [100, 64 + (b % 64), c, d] as const),
  octets.map(([, b, c, d]) => [0, b, c, d] as const),
);

const hex = (n: number) => n.toString(16);
const word = (hi: number, lo: number) => hex((hi << 8) | lo);

/** The spellings of one IPv4 address a URL may use, each with whether it must be judged as that address. */
function spellings([a, b, c, d]: readonly [number, number, number, number]): string[] {
  const n = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const [w1, w2] = [word(a, b), word(c, d)];
  const teredo = [a, b, c, d].map((x) => x ^ 0xff);
  return [
    `${a}.${b}.${c}.${d}`,
    String(n),
    `0x${hex(n)}`,
    `0${a.toString(8)}.${b}.${c}.0x${hex(d)}`,
    `${a}.${(b << 16) + (c << 8) + d}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
    `[::ffff:${w1}:${w2}]`,
    `[::ffff:0:${w1}:${w2}]`,
    `[::${a}.${b}.${c}.${d}]`,
    `[64:ff9b::${w1}:${w2}]`,
    `[2002:${w1}:${w2}::1]`,
    `[2001:0:4136:e378:8000:63bf:${word(teredo[0]!, teredo[1]!)}:${word(teredo[2]!, teredo[3]!)}]`,
  ];
}

describe('URL-supply properties (issue 30, critical 7)', () => {
  it('every spelling of an IPv4 address in a URL is judged as that address', () => {
    fc.assert(
      fc.property(fc.oneof(privateOctets, octets), (address) => {
        const expected = isPrivateAddress(address.join('.'));
        for (const spelling of spellings(address)) {
          const host = new URL(`http://${spelling}/`).hostname;
          expect([spelling, isPrivateAddress(host)]).toEqual([spelling, expected]);
        }
      }),
      RUNS,
    );
  });

  const http = new LiveHttpClient({
    userAgent: 't',
    timeoutMs: 1000,
    env: {},
    hostLimits: { concurrency: 2, intervalMs: 0 },
    // public.example is the public server; every other name is a host that resolves to a private address
    resolve: async (host) =>
      host === 'public.example' ? ['93.184.216.34'] : host.includes('.internal') ? ['10.9.8.7'] : [host],
  });
  afterAll(() => http.close());

  it('a private address a public server hands over, in any spelling or behind a name, is refused before any request', async () => {
    const target = fc.oneof(
      privateOctets.chain((address) => fc.constantFrom(...spellings(address))),
      fc.stringMatching(/^[a-z]{1,12}$/).map((name) => `${name}.internal`),
    );
    const path = fc.webPath();
    await fc.assert(
      fc.asyncProperty(target, path, async (host, rest) => {
        const error = await http.get(`http://${host}${rest}`, { from: 'https://public.example/page' }).catch((e) => e);
        expect(error).toBeInstanceOf(FetchError);
        expect((error as FetchError).code).toBe('private-address');
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
