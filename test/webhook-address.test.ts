import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import {
  type AddressKind,
  addressAllowed,
  answerExcerpt,
  checkWebhookUrl,
  classifyAddress,
} from '../src/domain/webhook-address.js';

const guarded = { allowPrivate: false };
const open = { allowPrivate: true };

describe('webhook address classification', () => {
  const cases: Record<AddressKind, string[]> = {
    public: [
      '8.8.8.8',
      '93.184.216.34',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
    ],
    loopback: ['127.0.0.1', '127.255.255.254', '::1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1'],
    private: ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '100.127.255.255'],
    'link-local': ['169.254.169.254', '169.254.0.1', 'fe80::1', 'fe80::1%eth0', '::ffff:169.254.169.254'],
    'unique-local': ['fc00::1', 'fd12:3456::1'],
    unspecified: ['0.0.0.0', '0.1.2.3', '::', '::ffff:0.0.0.0'],
    multicast: ['224.0.0.1', '239.255.255.250', 'ff02::1'],
    broadcast: ['255.255.255.255'],
    reserved: [
      '240.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
      '203.0.113.9',
      '2001:db8::1',
      '::7f00:1',
      '2002:7f00:1::',
    ],
    metadata: ['100.100.100.200', 'fd00:ec2::254'],
  };
  for (const [kind, addresses] of Object.entries(cases))
    it(`call ${addresses.join(', ')} ${kind}`, () => {
      for (const address of addresses) expect([address, classifyAddress(address)]).toEqual([address, kind]);
    });

  it('judge IPv4-mapped and NAT64 IPv6 addresses by the IPv4 address inside', () => {
    expect(classifyAddress('64:ff9b::a9fe:a9fe')).toBe('link-local'); // 169.254.169.254
    expect(classifyAddress('64:ff9b::808:808')).toBe('public'); // 8.8.8.8
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(classifyAddress(`::ffff:${ip}`)).toBe(classifyAddress(ip));
      }),
    );
  });

  it('see through every spelling of an IPv4 address the URL parser accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        const dotted = [24, 16, 8, 0].map((shift) => (n >>> shift) & 0xff).join('.');
        for (const spelling of [String(n), `0x${n.toString(16)}`, `0${n.toString(8)}`]) {
          const verdict = checkWebhookUrl(`http://${spelling}/`, guarded);
          expect(verdict.ok).toBe(classifyAddress(dotted) === 'public');
        }
      }),
    );
  });

  it('are not IP addresses when they are names', () => {
    expect(classifyAddress('example.com')).toBeUndefined();
    expect(classifyAddress('localhost')).toBeUndefined();
    expect(addressAllowed('localhost', open)).toBe(false);
  });

  it('allow only public addresses, or also loopback, private and unique-local ones when asked', () => {
    expect(addressAllowed('8.8.8.8', guarded)).toBe(true);
    for (const ip of ['127.0.0.1', '10.1.2.3', '192.168.0.10', 'fd00::1', '::1'])
      expect([ip, addressAllowed(ip, guarded), addressAllowed(ip, open)]).toEqual([ip, false, true]);
    for (const ip of [
      '169.254.169.254',
      'fe80::1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '255.255.255.255',
      '240.0.0.1',
    ])
      expect([ip, addressAllowed(ip, open)]).toEqual([ip, false]);
    expect(addressAllowed('100.100.100.200', open)).toBe(false);
    expect(addressAllowed('fd00:ec2::254', open)).toBe(false);
  });
});

describe('webhook endpoint URLs', () => {
  const refused = (url: string, policy = guarded) => {
    const verdict = checkWebhookUrl(url, policy);
    return verdict.ok ? undefined : verdict;
  };

  it('refuse odd spellings of loopback, as the URL parser normalises them', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://127.1/',
      'http://0177.0.0.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://127.0.0.1.:8080/',
      'http://%31%32%37.0.0.1/',
    ])
      expect([url, refused(url)?.reason]).toEqual([url, expect.stringContaining('a loopback address')]);
  });

  it('refuse local names unless private delivery is allowed, and metadata services always', () => {
    for (const url of [
      'http://localhost:5432/',
      'http://LOCALHOST./',
      'http://api.localhost/',
      'http://db.internal/',
      'http://printer.local/',
      'http://nas.home.arpa/',
      'http://intranet/',
    ]) {
      expect([url, refused(url)]).toEqual([
        url,
        expect.objectContaining({
          refusal: 'address',
          reason: expect.stringContaining('VOUCH_WEBHOOK_ALLOW_PRIVATE=true'),
        }),
      ]);
      expect([url, refused(url, open)]).toEqual([url, undefined]);
    }
    for (const url of [
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://metadata/',
      'http://metadata.goog/',
      'http://instance-data/latest/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://100.100.100.200/',
    ]) {
      expect([url, refused(url)?.refusal]).toEqual([url, 'address']);
      expect([url, refused(url, open)?.reason]).toEqual([url, expect.stringContaining('never delivers')]);
    }
  });

  it('refuse other schemes and credentials, whatever the setting', () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'gopher://example.com/', 'not a url'])
      expect([url, refused(url, open)?.refusal]).toEqual([url, 'url']);
    expect(refused('https://user:pw@example.com/', open)?.reason).toMatch(/user name or password/);
    expect(refused('https://user@example.com/', open)?.refusal).toBe('url');
  });

  it('accept public names and addresses', () => {
    for (const url of [
      'https://hooks.example.com/vouch',
      'http://93.184.216.34:8080/x',
      'https://[2606:4700:4700::1111]/',
      'https://172.32.0.1/',
    ])
      expect([url, refused(url)]).toEqual([url, undefined]);
  });
});

describe('answer excerpts', () => {
  it('keep at most 100 characters, with control, format and line characters made spaces', () => {
    expect(answerExcerpt('  <h1>Down</h1>\r\n\tfor\u0000maintenance\u202e  ')).toBe(
      '<h1>Down</h1> for maintenance',
    );
    expect(answerExcerpt('x'.repeat(300))).toHaveLength(100);
    expect(answerExcerpt('é'.repeat(300))).toBe('é'.repeat(100));
    expect(answerExcerpt('\u001b[31mred\u001b[0m')).toBe('[31mred [0m');
    expect(answerExcerpt('')).toBe('');
  });
});

describe('VOUCH_WEBHOOK_ALLOW_PRIVATE', () => {
  it('is false unless set to true, and a bad value stops start-up naming it', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ VOUCH_WEBHOOK_ALLOW_PRIVATE: '' }).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ VOUCH_WEBHOOK_ALLOW_PRIVATE: 'false' }).webhookAllowPrivate).toBe(false);
    expect(loadConfig({ VOUCH_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate).toBe(true);
    for (const value of ['yes', '1', 'TRUE']) {
      const error = (() => {
        try {
          loadConfig({ VOUCH_WEBHOOK_ALLOW_PRIVATE: value });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual(['VOUCH_WEBHOOK_ALLOW_PRIVATE: must be true or false']);
    }
  });
});
