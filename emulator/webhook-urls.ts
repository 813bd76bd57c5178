/**
 * Webhook endpoint URLs: Stripe accepts http(s) URLs it can reach from the internet only. Names that stay on
 * one machine or network (localhost, `.local`), loopback, private, link-local, shared and unspecified
 * addresses are refused unless the emulator is told to allow them.
 */
import { BlockList, isIP } from 'node:net';
import { invalidParam } from './errors.js';

export const NOT_PUBLIC_MESSAGE =
  'Invalid URL: URL must be publicly accessible. Consider using a tool like the Stripe CLI to test webhooks locally: https://github.com/stripe/stripe-cli';

const notPublic = new BlockList();
notPublic.addSubnet('0.0.0.0', 8, 'ipv4'); // "this" network, 0.0.0.0
notPublic.addSubnet('10.0.0.0', 8, 'ipv4'); // private
notPublic.addSubnet('100.64.0.0', 10, 'ipv4'); // shared (carrier-grade NAT)
notPublic.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
notPublic.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local
notPublic.addSubnet('172.16.0.0', 12, 'ipv4'); // private
notPublic.addSubnet('192.168.0.0', 16, 'ipv4'); // private
notPublic.addAddress('255.255.255.255', 'ipv4'); // broadcast
notPublic.addAddress('::', 'ipv6'); // unspecified
notPublic.addAddress('::1', 'ipv6'); // loopback
notPublic.addSubnet('fc00::', 7, 'ipv6'); // unique local
notPublic.addSubnet('fe80::', 10, 'ipv6'); // link-local

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:7f00:1` is 127.0.0.1), if it is one. */
function mappedIPv4(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1] ?? '0', 16);
  const low = Number.parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether Stripe could reach this host name or address from the internet. */
export function isPublicHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  const family = isIP(host);
  if (family === 4) return !notPublic.check(host, 'ipv4');
  if (family === 6) {
    const v4 = mappedIPv4(host);
    return v4 ? !notPublic.check(v4, 'ipv4') : !notPublic.check(host, 'ipv6');
  }
  return true;
}

/** The `url` of a webhook endpoint, or Stripe's 400 for one that is malformed or (unless allowed) not public. */
export function checkWebhookUrl(url: string, allowPrivate: boolean): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalidParam('url', `Invalid URL: ${url}`, 'url_invalid');
  }
  if (!allowPrivate && !isPublicHost(parsed.hostname))
    throw invalidParam('url', NOT_PUBLIC_MESSAGE, 'url_invalid');
  return url;
}
