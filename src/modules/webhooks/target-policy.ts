/**
 * Where a webhook may point (SPEC §3.10), judged from the URL text alone: no DNS lookup at registration
 * (tests never reach the network, and an answer now proves nothing later). The delivery engine checks
 * every resolved address again with forbiddenAddressReason before it connects.
 */
import { isIP } from 'node:net';
import type { FieldError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';
import { forbiddenAddressReason } from './ip-policy.js';

export const MAX_URL_LENGTH = 2048;

export interface TargetPolicy {
  /** http:// is refused unless this is false (or private targets are allowed) */
  requireHttps: boolean;
  /** local development: loopback, private and single-label hosts, and plain http, are fine */
  allowPrivateTargets: boolean;
}

/** Names that only ever reach the gateway's own host or network, whatever DNS says. */
const INTERNAL_NAME_SUFFIXES = ['.localhost', '.internal', '.local'];
const INTERNAL_NAMES = new Set(['localhost', 'metadata.google.internal']);

/** Why `url` may not receive webhooks, as a field error on `path`; otherwise the URL as the WHATWG parser writes it. */
export function checkWebhookTarget(url: string, policy: TargetPolicy, path = 'url'): Result<string, FieldError> {
  const refuse = (message: string) => err({ path, message });
  if (url.length > MAX_URL_LENGTH) return refuse(`must be at most ${MAX_URL_LENGTH} characters long`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('is not a valid absolute URL');
  }
  const scheme = parsed.protocol;
  if (scheme !== 'https:' && scheme !== 'http:') return refuse(`scheme ${scheme.replace(/:$/, '')} is not allowed; use https`);
  if (scheme === 'http:' && policy.requireHttps && !policy.allowPrivateTargets) return refuse('must use https');
  if (parsed.username !== '' || parsed.password !== '')
    return refuse('must not contain a user name or password; use a custom header instead');
  if (parsed.hash !== '' || url.includes('#')) return refuse('must not contain a fragment (#…)');
  if (policy.allowPrivateTargets) return ok(parsed.href);

  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host) !== 0) {
    const reason = forbiddenAddressReason(host);
    return reason === null ? ok(parsed.href) : refuse(`points to a ${reason} address, which webhooks may not reach`);
  }
  if (INTERNAL_NAMES.has(host) || INTERNAL_NAME_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return refuse(`host ${host} is an internal name, which webhooks may not reach`);
  }
  if (!host.includes('.')) return refuse(`host ${host} is a single-label name; use a fully qualified domain name`);
  return ok(parsed.href);
}
