// Every range of the IANA IPv4 and IPv6 special-purpose address registries is refused as a webhook target,
// at its first and last address and at one inside; public neighbours pass.
import test from 'ava';
import ipaddr from 'ipaddr.js';
import { isPrivateAddress, isPrivateHost } from '../../../plugins/webhooks/address-guard.js';

const SPECIAL: ReadonlyArray<readonly [string, string]> = [
  // IPv4 (RFC 6890 registry and friends)
  ['this network', '0.0.0.0/8'],
  ['private 10/8', '10.0.0.0/8'],
  ['CGNAT shared space', '100.64.0.0/10'],
  ['loopback', '127.0.0.0/8'],
  ['link-local', '169.254.0.0/16'],
  ['private 172.16/12', '172.16.0.0/12'],
  ['IETF protocol assignments', '192.0.0.0/24'],
  ['TEST-NET-1', '192.0.2.0/24'],
  ['AS112-v4 (RFC 7535)', '192.31.196.0/24'],
  ['AMT', '192.52.193.0/24'],
  ['6to4 relay anycast', '192.88.99.0/24'],
  ['private 192.168/16', '192.168.0.0/16'],
  ['AS112-v4', '192.175.48.0/24'],
  ['benchmarking', '198.18.0.0/15'],
  ['TEST-NET-2', '198.51.100.0/24'],
  ['TEST-NET-3', '203.0.113.0/24'],
  ['multicast', '224.0.0.0/4'],
  ['reserved 240/4', '240.0.0.0/4'],
  ['limited broadcast', '255.255.255.255/32'],
  // IPv6
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['IPv4-compatible (deprecated)', '::/96'],
  ['IPv4-mapped', '::ffff:0:0/96'],
  ['IPv4-translated', '::ffff:0:0:0/96'],
  ['NAT64 well-known', '64:ff9b::/96'],
  ['NAT64 local-use', '64:ff9b:1::/48'],
  ['discard-only', '100::/64'],
  ['dummy prefix', '100:0:0:1::/64'],
  ['IETF protocol assignments', '2001::/23'],
  ['Teredo', '2001::/32'],
  ['benchmarking', '2001:2::/48'],
  ['AMT', '2001:3::/32'],
  ['AS112-v6', '2001:4:112::/48'],
  ['ORCHID (deprecated)', '2001:10::/28'],
  ['ORCHIDv2', '2001:20::/28'],
  ['drone remote ID', '2001:30::/28'],
  ['documentation', '2001:db8::/32'],
  ['6to4', '2002::/16'],
  ['AS112 direct delegation', '2620:4f:8000::/48'],
  ['documentation 3fff::/20', '3fff::/20'],
  ['segment routing', '5f00::/16'],
  ['unique local', 'fc00::/7'],
  ['site-local (deprecated)', 'fec0::/10'],
  ['link-local', 'fe80::/10'],
  ['multicast', 'ff00::/8'],
];

/** The first, a middle and the last address of a CIDR block. */
function samples(cidr: string): string[] {
  const [addr, bits] = ipaddr.parseCIDR(cidr);
  const bytes = addr.toByteArray();
  const first = [...bytes];
  const last = bytes.map((b, i) => {
    const hostBits = Math.max(0, Math.min(8, (i + 1) * 8 - bits));
    return b | ((1 << hostBits) - 1);
  });
  const middle = first.map((b, i) => (i === bytes.length - 1 && bits < bytes.length * 8 ? b | 1 : b));
  if (bits < bytes.length * 8 - 8) middle[bytes.length - 2] = (middle[bytes.length - 2] as number) | 0x5a & (last[bytes.length - 2] as number);
  return [first, middle, last].map((b) => ipaddr.fromByteArray(b).toString());
}

for (const [name, cidr] of SPECIAL) {
  test(`refuses ${name} ${cidr}`, (t) => {
    for (const ip of samples(cidr)) t.true(isPrivateAddress(ip), `${ip} in ${cidr}`);
  });
}

test('refuses IPv4-mapped private addresses and judges mapped public ones by the IPv4 address inside', (t) => {
  for (const ip of ['::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::ffff:192.0.0.8', '::ffff:7f00:1']) t.true(isPrivateAddress(ip), ip);
  t.false(isPrivateAddress('::ffff:8.8.8.8'));
});

test('public neighbours of the special ranges pass', (t) => {
  for (const ip of ['1.1.1.1', '8.8.8.8', '114.114.114.114', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0',
    '192.0.1.0', '192.167.255.255', '198.17.255.255', '198.20.0.0', '223.255.255.255', '2400:3200::1', '2404:6800:4008::200e', '2001:4860:4860::8888',
    '2003::1', '2620:4f:8001::1']) {
    t.false(isPrivateAddress(ip), ip);
  }
});

test('anything that is not an address is refused; hosts: localhost and literal special addresses', (t) => {
  for (const x of ['', 'example.com', '1.2.3', '::g', '01.2.3.4']) t.true(isPrivateAddress(x), x);
  t.true(isPrivateHost('localhost'));
  t.true(isPrivateHost('api.localhost'));
  t.true(isPrivateHost('[64:ff9b::a00:1]'));
  t.true(isPrivateHost('[2002:c0a8:101::1]'));
  t.true(isPrivateHost('192.0.0.170'));
  t.false(isPrivateHost('hooks.example.com')); // names are checked when connecting
  t.false(isPrivateHost('[2400:3200::1]'));
});
