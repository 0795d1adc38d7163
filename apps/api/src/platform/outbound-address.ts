import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where the server may send requests on behalf of others (webhooks to portals' endpoints): a guard
 * against server-side request forgery. An address in a range that is not the public internet (the
 * machine itself, private and link-local networks — among them the cloud metadata service
 * 169.254.169.254 —, shared NAT, unspecified, multicast, broadcast, reserved and documentation
 * ranges) is refused, in IPv4 and IPv6 alike, an IPv4 address written in IPv6 (::ffff:10.0.0.1,
 * NAT64 64:ff9b::/96, 6to4 2002::/16) by the IPv4 address inside. Exceptions: the networks an
 * operator names (a province whose systems live on a government private network) and, when asked
 * (outside the production profile), loopback.
 *
 * A hostname is checked when it is used: every address it resolves to must pass, and the connection
 * is made to the address that was checked (`pinnedLookup`), so a DNS answer that changes between the
 * check and the connection (rebinding) cannot lead elsewhere.
 */

type Family = 'ipv4' | 'ipv6';
type Range = readonly [network: string, prefix: number];

/** The refused ranges, the most specific first (the first that matches names the reason). */
const BLOCKED: ReadonlyArray<readonly [reason: string, family: Family, ranges: readonly Range[]]> = [
  ['broadcast', 'ipv4', [['255.255.255.255', 32]]],
  ['unspecified', 'ipv4', [['0.0.0.0', 8]]],
  ['loopback', 'ipv4', [['127.0.0.0', 8]]],
  ['private network', 'ipv4', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]]],
  ['link-local', 'ipv4', [['169.254.0.0', 16]]],
  ['shared address space (CGNAT)', 'ipv4', [['100.64.0.0', 10]]],
  ['documentation', 'ipv4', [['192.0.2.0', 24], ['198.51.100.0', 24], ['203.0.113.0', 24]]],
  ['multicast', 'ipv4', [['224.0.0.0', 4]]],
  // IETF protocol assignments, 6to4 relay anycast, benchmarking, reserved for future use.
  ['reserved', 'ipv4', [['192.0.0.0', 24], ['192.88.99.0', 24], ['198.18.0.0', 15], ['240.0.0.0', 4]]],
  ['unspecified', 'ipv6', [['::', 128]]],
  ['loopback', 'ipv6', [['::1', 128]]],
  ['private network', 'ipv6', [['fc00::', 7], ['fec0::', 10], ['64:ff9b:1::', 48]]],
  ['link-local', 'ipv6', [['fe80::', 10]]],
  ['multicast', 'ipv6', [['ff00::', 8]]],
  ['documentation', 'ipv6', [['2001:db8::', 32], ['3fff::', 20]]],
  // IETF protocol assignments (Teredo, ORCHID, …), discard-only.
  ['reserved', 'ipv6', [['2001::', 23], ['100::', 64]]],
];

const RULES = BLOCKED.map(([reason, family, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
  return { reason, family, list };
});
/** IPv6 unicast on the internet is 2000::/3; anything else not named above is reserved. */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

export interface OutboundAddressOptions {
  /** Networks reached even though they are in a refused range (CIDR: `10.20.0.0/16`, `fd00:1::/48`, or one address). */
  allowedNetworks?: readonly string[];
  /** Loopback allowed (a developer's receiver on the same machine; never in the production profile). */
  allowLoopback?: boolean;
}

/** A hostname's addresses (dns.promises.lookup with `all: true`); tests give their own. */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;
export const systemLookup: HostLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** An address the policy refuses: the message names it and why ("blocked address 10.0.0.5 (private network)"). */
export class BlockedAddressError extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(`blocked address ${address} (${reason})`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * One network of a list such as OSP_WEBHOOK_ALLOWED_NETWORKS: `address/prefix` or an address alone.
 * Answers it parsed, or null when it is not one.
 */
export function parseNetwork(entry: string): { network: string; prefix: number; family: Family } | null {
  const [raw, prefixText, ...rest] = entry.trim().split('/');
  const network = raw.replace(/^\[|\]$/g, '');
  const version = isIP(network);
  if (!version || rest.length || network.includes('%')) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { network, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export class OutboundAddressPolicy {
  private readonly allowed = new BlockList();
  private readonly allowLoopback: boolean;

  constructor(options: OutboundAddressOptions = {}) {
    this.allowLoopback = options.allowLoopback ?? false;
    for (const entry of options.allowedNetworks ?? []) {
      const parsed = parseNetwork(entry);
      if (!parsed) throw new Error(`"${entry}" is not a network (address/prefix)`);
      this.allowed.addSubnet(parsed.network, parsed.prefix, parsed.family);
    }
  }

  /** Why the server must not connect to this IP address, or null when it may ("private network", "loopback", …). */
  blockedReason(address: string): string | null {
    const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const version = isIP(ip);
    if (!version) return 'not an IP address';
    const family: Family = version === 4 ? 'ipv4' : 'ipv6';
    if (this.allowed.check(ip, family)) return null;
    if (family === 'ipv6') {
      const words = ipv6Words(ip);
      const inner = words && embeddedIpv4(words);
      // The IPv4 address inside decides (::ffff:10.0.0.1 is 10.0.0.1).
      if (inner) return this.blockedReason(inner);
    }
    const rule = RULES.find((r) => r.family === family && r.list.check(ip, family));
    const reason = rule?.reason ?? (family === 'ipv6' && !GLOBAL_UNICAST.check(ip, 'ipv6') ? 'reserved' : null);
    if (reason === 'loopback' && this.allowLoopback) return null;
    return reason;
  }

  /** Throws BlockedAddressError when the address is refused. */
  assertAllowed(address: string): void {
    const reason = this.blockedReason(address);
    if (reason) throw new BlockedAddressError(address.replace(/^\[|\]$/g, ''), reason);
  }

  /**
   * The address to connect to for a URL's host: an IP literal as it is, a hostname resolved. Every
   * address must be allowed (one refused, the host is refused: which of them a connection would use
   * is not ours to choose); answers the first, to connect to it alone (`pinnedLookup`).
   */
  async vet(host: string, lookup: HostLookup = systemLookup): Promise<LookupAddress> {
    const bare = host.replace(/^\[|\]$/g, '');
    const version = isIP(bare);
    if (version) {
      this.assertAllowed(bare);
      return { address: bare, family: version };
    }
    const addresses = await lookup(bare);
    if (addresses.length === 0) throw Object.assign(new Error(`no address for ${bare}`), { code: 'ENOTFOUND' });
    for (const a of addresses) this.assertAllowed(a.address);
    return addresses[0];
  }
}

/**
 * A `lookup` for node:net/http/https that answers the vetted address whatever the name: the
 * connection goes where the check looked, while TLS (SNI, the certificate's name) and the Host header
 * keep the hostname.
 */
export function pinnedLookup(vetted: LookupAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: vetted.address, family: vetted.family }]);
    else callback(null, vetted.address, vetted.family);
  }) as unknown as LookupFunction;
}

/** The eight 16-bit words of an IPv6 address (valid per isIP), a dotted IPv4 tail included. */
function ipv6Words(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parse = (part: string) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = tail === null ? [] : parse(tail);
  const words = tail === null ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** The IPv4 address an IPv6 one carries: IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
function embeddedIpv4(w: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return v4(w[6], w[7]);
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return v4(w[6], w[7]);
  if (w[0] === 0x2002) return v4(w[1], w[2]);
  return null;
}
