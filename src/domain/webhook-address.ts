import { BlockList, isIP } from 'node:net';

/**
 * Where outgoing webhooks may go. Pure rules (no DNS, no sockets): the API checks an endpoint's URL with
 * them when it is saved, and the sender checks the URL and every address its host name resolves to before
 * each attempt, so an endpoint can never make Vouch reach into the network it runs in.
 */

/** What an IP address is, for the purpose of sending it webhooks. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'metadata';

/** Whether deliveries may go to private networks too (VOUCH_WEBHOOK_ALLOW_PRIVATE). */
export type AddressPolicy = { allowPrivate: boolean };

/** The kinds VOUCH_WEBHOOK_ALLOW_PRIVATE=true lets through; the others are never delivered to. */
const PRIVATE_KINDS: ReadonlySet<AddressKind> = new Set(['loopback', 'private', 'unique-local']);

type Range = { kind: AddressKind; cidr: string };

// First match wins: the narrow ranges come before the wide ones that hold them.
const IPV4_RANGES: Range[] = [
  { kind: 'unspecified', cidr: '0.0.0.0/8' },
  { kind: 'loopback', cidr: '127.0.0.0/8' },
  { kind: 'private', cidr: '10.0.0.0/8' },
  { kind: 'private', cidr: '172.16.0.0/12' },
  { kind: 'private', cidr: '192.168.0.0/16' },
  { kind: 'metadata', cidr: '100.100.100.200/32' }, // Alibaba Cloud's metadata service
  { kind: 'private', cidr: '100.64.0.0/10' }, // carrier-grade NAT
  { kind: 'link-local', cidr: '169.254.0.0/16' }, // 169.254.169.254: most clouds' metadata service
  { kind: 'reserved', cidr: '192.0.0.0/24' }, // IETF protocol assignments
  { kind: 'reserved', cidr: '192.0.2.0/24' }, // documentation
  { kind: 'reserved', cidr: '192.88.99.0/24' }, // 6to4 relay anycast
  { kind: 'reserved', cidr: '198.18.0.0/15' }, // benchmarking
  { kind: 'reserved', cidr: '198.51.100.0/24' }, // documentation
  { kind: 'reserved', cidr: '203.0.113.0/24' }, // documentation
  { kind: 'multicast', cidr: '224.0.0.0/4' },
  { kind: 'broadcast', cidr: '255.255.255.255/32' },
  { kind: 'reserved', cidr: '240.0.0.0/4' },
];

// IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) addresses are judged by the IPv4 address inside.
const IPV6_RANGES: Range[] = [
  { kind: 'unspecified', cidr: '::/128' },
  { kind: 'loopback', cidr: '::1/128' },
  { kind: 'reserved', cidr: '::/96' }, // IPv4-compatible, deprecated
  { kind: 'private', cidr: '64:ff9b:1::/48' }, // local-use NAT64
  { kind: 'reserved', cidr: '100::/64' }, // discard
  { kind: 'reserved', cidr: '2001::/23' }, // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  { kind: 'reserved', cidr: '2001:db8::/32' }, // documentation
  { kind: 'reserved', cidr: '2002::/16' }, // 6to4
  { kind: 'reserved', cidr: '3fff::/20' }, // documentation
  { kind: 'reserved', cidr: '5f00::/16' }, // segment routing
  { kind: 'metadata', cidr: 'fd00:ec2::254/128' }, // AWS's metadata service over IPv6
  { kind: 'metadata', cidr: 'fd00:ec2::23/128' }, // AWS EKS pod identity
  { kind: 'unique-local', cidr: 'fc00::/7' },
  { kind: 'link-local', cidr: 'fe80::/10' },
  { kind: 'reserved', cidr: 'fec0::/10' }, // site-local, deprecated
  { kind: 'multicast', cidr: 'ff00::/8' },
];

function compile(ranges: Range[], type: 'ipv4' | 'ipv6') {
  return ranges.map(({ kind, cidr }) => {
    const [network, prefix] = cidr.split('/') as [string, string];
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), type);
    return { kind, list };
  });
}

const IPV4 = compile(IPV4_RANGES, 'ipv4');
const IPV6 = compile(IPV6_RANGES, 'ipv6');
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (already known to be valid), a dotted IPv4 tail included. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, if it is one. */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const mapped = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0;
  if (!mapped && !nat64) return undefined;
  const [high, low] = [g[6]!, g[7]!];
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/**
 * What kind of address `ip` is: an IPv4 or IPv6 address as the resolver or the URL parser gives it (brackets
 * and a zone id are allowed). Undefined when it is not an IP address.
 */
export function classifyAddress(ip: string): AddressKind | undefined {
  const address = ip.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(address);
  if (version === 4) return IPV4.find((r) => r.list.check(address, 'ipv4'))?.kind ?? 'public';
  if (version !== 6) return undefined;
  const inner = embeddedIpv4(address);
  if (inner) return classifyAddress(inner);
  const kind = IPV6.find((r) => r.list.check(address, 'ipv6'))?.kind;
  if (kind) return kind;
  return GLOBAL_UNICAST_V6.check(address, 'ipv6') ? 'public' : 'reserved';
}

/** Whether a delivery may connect to `ip` under `policy`. Anything that is not an IP address is refused. */
export function addressAllowed(ip: string, policy: AddressPolicy): boolean {
  const kind = classifyAddress(ip);
  if (kind === 'public') return true;
  return policy.allowPrivate && kind !== undefined && PRIVATE_KINDS.has(kind);
}

// Cloud metadata services by name: never delivered to.
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);
// Names that only mean something inside a network: delivered to only with VOUCH_WEBHOOK_ALLOW_PRIVATE.
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa'];

const ALLOW_HINT =
  'Vouch delivers webhooks only to public internet addresses; to deliver inside your own network on purpose, start Vouch with VOUCH_WEBHOOK_ALLOW_PRIVATE=true';

const KIND_WORDS: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  'link-local': 'a link-local address (where cloud metadata services live)',
  'unique-local': 'a unique-local (private) IPv6 address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  metadata: "a cloud metadata service's address",
};

/** `refusal` says whether the URL itself is wrong or the place it points at is not allowed. */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; refusal: 'url' | 'address'; reason: string };

/**
 * Whether a webhook endpoint URL may be delivered to, judged on the URL alone: http or https, no user name
 * or password, and a host that is neither an address `addressAllowed` refuses (in any spelling the URL
 * parser accepts: `2130706433`, `0x7f.1`, `127.1`, `[::ffff:127.0.0.1]` are all 127.0.0.1) nor a name that
 * only means something inside a network. A public-looking name can still resolve inside: the sender checks
 * the addresses it resolves to as well. `reason` completes "Invalid url: ...".
 */
export function checkWebhookUrl(input: string, policy: AddressPolicy): UrlVerdict {
  if (!URL.canParse(input))
    return { ok: false, refusal: 'url', reason: 'must be an absolute http:// or https:// URL.' };
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, refusal: 'url', reason: `must be an http:// or https:// URL (not ${url.protocol}).` };
  if (url.username || url.password)
    return {
      ok: false,
      refusal: 'url',
      reason: 'must not contain a user name or password; receivers check the Vouch-Signature header instead.',
    };
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const kind = classifyAddress(host);
  if (kind !== undefined) {
    if (addressAllowed(host, policy)) return { ok: true, url };
    const why = `points at ${host}, ${KIND_WORDS[kind as Exclude<AddressKind, 'public'>]}.`;
    return PRIVATE_KINDS.has(kind)
      ? { ok: false, refusal: 'address', reason: `${why} ${ALLOW_HINT}.` }
      : {
          ok: false,
          refusal: 'address',
          reason: `${why} Vouch never delivers there, whatever its settings.`,
        };
  }
  if (METADATA_NAMES.has(host))
    return {
      ok: false,
      refusal: 'address',
      reason: `names ${host}, a cloud metadata service. Vouch never delivers there, whatever its settings.`,
    };
  const local = !host.includes('.') || LOCAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
  if (local && !policy.allowPrivate)
    return {
      ok: false,
      refusal: 'address',
      reason: `names ${host}, a host name that only means something inside a network. ${ALLOW_HINT}.`,
    };
  return { ok: true, url };
}

/** The delivery log's words for an attempt the address rules stopped before any connection. */
export function refusedDeliveryMessage(policy: AddressPolicy): string {
  return policy.allowPrivate
    ? "Not sent: the endpoint's address is not public, and not one VOUCH_WEBHOOK_ALLOW_PRIVATE allows (link-local, cloud metadata, multicast, broadcast, reserved or unspecified addresses are never delivered to)."
    : `Not sent: the endpoint's address is not public. ${ALLOW_HINT}.`;
}

/** Longest excerpt of an endpoint's answer the delivery log keeps. */
export const ANSWER_EXCERPT_CHARS = 100;

/**
 * The start of an answer's body as the delivery log shows it: control and formatting characters (line
 * breaks, escapes, bidirectional overrides) become spaces, runs of spaces one, at most `max` characters.
 */
export function answerExcerpt(body: string, max = ANSWER_EXCERPT_CHARS): string {
  const clean = body
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(clean).slice(0, max).join('').trim();
}
