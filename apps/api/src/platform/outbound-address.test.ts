import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlockedAddressError, OutboundAddressPolicy, parseNetwork, pinnedLookup } from './outbound-address';

const strict = new OutboundAddressPolicy();

describe('the refused ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private network'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.254', 'private network'],
    ['192.168.1.1', 'private network'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared address space (CGNAT)'],
    ['100.127.255.254', 'shared address space (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.200', 'documentation'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
  ])('IPv4 %s: %s', (address, reason) => {
    expect(strict.blockedReason(address)).toBe(reason);
  });

  it.each([
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private network'],
    ['fd12:3456:789a::1', 'private network'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:10.0.0.1', 'private network'],
    ['::ffff:a00:1', 'private network'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of 169.254.169.254
    ['2002:c0a8:101::1', 'private network'], // 6to4 of 192.168.1.1
    ['::a00:1', 'reserved'], // IPv4-compatible (deprecated)
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'], // Teredo
    ['4000::1', 'reserved'], // not global unicast
  ])('IPv6 %s: %s', (address, reason) => {
    expect(strict.blockedReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '14.225.0.1', '172.32.0.1', '100.128.0.1', '169.253.255.255', '2606:4700:4700::1111', '2001:ee0::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    'a public address passes: %s',
    (address) => {
      expect(strict.blockedReason(address)).toBeNull();
    },
  );

  it('names what is not an address', () => {
    expect(strict.blockedReason('portal.example.vn')).toBe('not an IP address');
  });
});

describe('exceptions', () => {
  it('allows loopback (and only loopback) when asked: a developer’s receiver', () => {
    const dev = new OutboundAddressPolicy({ allowLoopback: true });
    expect(dev.blockedReason('127.0.0.1')).toBeNull();
    expect(dev.blockedReason('::1')).toBeNull();
    expect(dev.blockedReason('::ffff:127.0.0.1')).toBeNull();
    expect(dev.blockedReason('10.0.0.1')).toBe('private network');
    expect(dev.blockedReason('169.254.169.254')).toBe('link-local');
  });

  it('allows the networks an operator names (a government private network), in both families and through mapped IPv6', () => {
    const province = new OutboundAddressPolicy({ allowedNetworks: ['10.20.0.0/16', 'fd00:1::/48', '192.168.5.10'] });
    expect(province.blockedReason('10.20.3.4')).toBeNull();
    expect(province.blockedReason('::ffff:10.20.3.4')).toBeNull();
    expect(province.blockedReason('10.21.0.1')).toBe('private network');
    expect(province.blockedReason('fd00:1:0:5::7')).toBeNull();
    expect(province.blockedReason('fd00:2::7')).toBe('private network');
    expect(province.blockedReason('192.168.5.10')).toBeNull();
    expect(province.blockedReason('192.168.5.11')).toBe('private network');
    expect(province.blockedReason('127.0.0.1')).toBe('loopback');
  });

  it('parses networks and refuses what is not one', () => {
    expect(parseNetwork(' 10.20.0.0/16 ')).toEqual({ network: '10.20.0.0', prefix: 16, family: 'ipv4' });
    expect(parseNetwork('fd00::/8')).toEqual({ network: 'fd00::', prefix: 8, family: 'ipv6' });
    expect(parseNetwork('192.168.5.10')).toEqual({ network: '192.168.5.10', prefix: 32, family: 'ipv4' });
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'intranet', '10.0.0.0/8/1', '10.0.0/8', '10.0.0.0/x']) expect(parseNetwork(bad)).toBeNull();
    expect(() => new OutboundAddressPolicy({ allowedNetworks: ['intranet'] })).toThrow(/not a network/);
  });
});

describe('vetting a host', () => {
  it('takes an IP literal as it is, resolves a name, and refuses a name when any of its addresses is refused', async () => {
    expect(await strict.vet('8.8.8.8')).toEqual({ address: '8.8.8.8', family: 4 });
    expect(await strict.vet('[2606:4700:4700::1111]')).toEqual({ address: '2606:4700:4700::1111', family: 6 });
    await expect(strict.vet('[::1]')).rejects.toThrow('blocked address ::1 (loopback)');
    const dns = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    expect(await strict.vet('hooks.example.vn', dns('203.162.4.1', '2001:ee0::1'))).toEqual({ address: '203.162.4.1', family: 4 });
    await expect(strict.vet('hooks.example.vn', dns('10.0.0.5'))).rejects.toThrow('blocked address 10.0.0.5 (private network)');
    const mixed = strict.vet('hooks.example.vn', dns('203.162.4.1', '169.254.169.254'));
    await expect(mixed).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(strict.vet('hooks.example.vn', dns())).rejects.toThrow(/no address/);
  });

  it('connects to the vetted address whatever the name resolves to, keeping the name in the Host header', async () => {
    const hosts: string[] = [];
    const server = createServer((req, res) => {
      hosts.push(String(req.headers.host));
      res.end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      // `.invalid` never resolves: the answer can only come through the pinned address.
      const body = await new Promise<string>((resolve, reject) => {
        const req = request(`http://rebind.invalid:${port}/x`, { lookup: pinnedLookup({ address: '127.0.0.1', family: 4 }), agent: false }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toBe('ok');
      expect(hosts).toEqual([`rebind.invalid:${port}`]);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
