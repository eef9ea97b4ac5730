/**
 * Which IP addresses a webhook may not reach (SPEC §3.10): loopback, private, link-local, CGNAT,
 * unspecified, multicast, reserved and cloud metadata addresses, in IPv4 and IPv6, including IPv4 written
 * inside IPv6 (mapped, compatible, NAT64, 6to4). Checked at registration for IP literals and again at
 * delivery for every address a name resolves to.
 */
import { BlockList, isIP } from 'node:net';

const RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const blocks = RANGES.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, reason };
});

/** The IPv4 address carried inside an IPv6 one (mapped ::ffff:, compatible ::, NAT64 64:ff9b::, 6to4 2002::), if any. */
export function embeddedIpv4(ipv6: string): string | null {
  const words = expandIpv6(ipv6);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6] as number, words[7] as number); // ::ffff:a.b.c.d
  if (zeros(0, 6) && ((words[6] as number) !== 0 || (words[7] as number) > 1)) return v4(words[6] as number, words[7] as number); // ::a.b.c.d
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6] as number, words[7] as number); // NAT64
  if (words[0] === 0x2002) return v4(words[1] as number, words[2] as number); // 6to4
  return null;
}

/** Eight 16-bit words of an IPv6 address (zone id dropped), or null when it is not one. */
function expandIpv6(address: string): number[] | null {
  const plain = address.replace(/%.*$/, '');
  if (isIP(plain) !== 6) return null;
  let text = plain;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = (dotted[1] as string).split('.').map(Number);
    text = `${text.slice(0, -(dotted[1] as string).length)}${(((parts[0] as number) << 8) | (parts[1] as number)).toString(16)}:${(((parts[2] as number) << 8) | (parts[3] as number)).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : Array(8 - left.length - right.length).fill('0');
  const words = [...left, ...fill, ...right].map((w) => Number.parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** Why `ip` may not be a webhook target, or null when it may. Anything that is not an IP address is refused. */
export function forbiddenAddressReason(ip: string): string | null {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) {
      const reason = forbiddenAddressReason(inner);
      if (reason) return `${reason} (IPv4 inside IPv6)`;
    }
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const block of blocks) if (block.family === type && block.list.check(address, type)) return block.reason;
  return null;
}
