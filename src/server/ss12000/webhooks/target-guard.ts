// A subscriber's target is given by an API client: the server must not be made to call into its own
// network (the database, an admin interface, cloud metadata). Targets whose host resolves to a loopback,
// private, link-local or otherwise non-public address are refused unless the deployment allows them
// (LARKA_SS12000_WEBHOOK_PRIVATE=allow, e.g. a subscriber inside the municipality's own network).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** Is this address one a public subscriber cannot have (loopback, private, link-local, multicast, mapped)? */
export function isNonPublicAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i); // an IPv4 address written as IPv6
  if (mapped) return isNonPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const privateTargetsAllowed = (): boolean => process.env.LARKA_SS12000_WEBHOOK_PRIVATE === 'allow';

/** Throws when the target's host resolves to a non-public address (any of its addresses). */
export async function assertPublicTarget(target: string): Promise<void> {
  const host = new URL(target).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isNonPublicAddress);
  if (bad) throw new Error(`the target's address ${bad} is not public (LARKA_SS12000_WEBHOOK_PRIVATE=allow permits it)`);
}
