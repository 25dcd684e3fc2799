// Webhook URLs point outside the installation: loopback, private, link-local and similar addresses are
// refused (a firm's administrator must not reach the database port or the cloud metadata service through
// us), at registration for literal hosts and at connection time for every address a name resolves to.
// Tests and on-premises installs may allow them (allowPrivateNetworks).
import { lookup as dnsLookup, type LookupAddress, type LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// ipaddr.js names every range of the IANA special-purpose registries (loopback, private, linkLocal,
// carrierGradeNat, reserved incl. 192.0.0.0/24 and the TEST-NETs, rfc6052 NAT64, 6to4, teredo, …) and
// calls the rest 'unicast'. Only 'unicast' is public; IPv6 must also lie in 2000::/3, the only block IANA
// hands out, which refuses the IPv4-compatible ::/96 and the unassigned rest without listing them.
const globalUnicast = ipaddr.parseCIDR('2000::/3');

/** Whether an IP address is not on the public internet. */
export function isPrivateAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip) || isIP(ip.replace(/%.*$/, '')) === 0) return true; // not an address at all: refuse
  const addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    // ::ffff:a.b.c.d reaches the IPv4 address inside it: judge that one.
    if (v6.isIPv4MappedAddress()) return isPrivateAddress(v6.toIPv4Address().toString());
    if (!v6.match(globalUnicast)) return true;
  }
  return addr.range() !== 'unicast';
}

/** A literal host that is private (or 'localhost'); names are checked when connecting. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  return isIP(h) !== 0 && isPrivateAddress(h);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup for http.request that fails on private addresses, so the check and the connection agree. */
export function publicOnlyLookup(hostname: string, options: LookupOneOptions & { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address (${bad.address}); webhooks go to public addresses only`);
      e.code = 'EPRIVATEADDRESS';
      return callback(e, '');
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`${hostname} has no address`), '');
    callback(null, first.address, first.family);
  });
}
