/**
 * The hosts of the platforms themselves (not a company's own domain or a self-hosted server), from
 * each definition's `hosts` or its wall's: when one does not resolve, this machine's network is at
 * fault, never the profile.
 */
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../index.js';
import { NOT_MASTODON } from '../mastodon/urls.js';

const HOSTS: readonly RegExp[] = [
  NOT_MASTODON,
  ...(PLATFORM_DEFINITIONS as readonly PlatformDefinition[]).flatMap((d) => {
    const hosts = d.hosts ?? d.wall?.hosts;
    return hosts ? [hosts] : [];
  }),
];

export function isPlatformHost(host: string): boolean {
  return HOSTS.some((re) => re.test(host));
}
