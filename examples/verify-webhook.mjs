// A webhook receiver that verifies each delivery one of two ways:
//  - X-TPG-Signature with node:crypto only (`verify`), the default;
//  - the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) with the
//    `standardwebhooks` package (`verifyStandard`; outside this repository: npm install standardwebhooks).
//    Svix's libraries for other languages verify the same headers with the same secret.
// Run: WEBHOOK_SECRET=whsec_... [WEBHOOK_VERIFY=standard] node examples/verify-webhook.mjs   (127.0.0.1:4000)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const SECRET = process.env.WEBHOOK_SECRET ?? '';
const STANDARD = process.env.WEBHOOK_VERIFY === 'standard';
const TOLERANCE_SECONDS = 300;

/** true when one v1 of `header` is HMAC-SHA256(secret, "<t>.<raw body>") and t is within 5 minutes */
export function verify(rawBody, header, secret, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = String(header ?? '')
    .split(',')
    .map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? '')).map(([, v]) => v);
  if (!Number.isInteger(t) || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) return false; // replayed or stale
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  // during a secret rotation the header carries one v1 per secret: accept any match
  return signatures.some((sig) => timingSafeEqual(expected, Buffer.from(sig, 'hex')));
}

/**
 * The secret as Standard Webhooks libraries read it: `whsec_` + standard base64. Secrets the gateway
 * issued before it sent these headers are base64url; the key bytes are the same, only re-encoded.
 */
export function standardSecret(secret) {
  return `whsec_${Buffer.from(secret.replace(/^whsec_/, ''), 'base64').toString('base64')}`;
}

/** true when the `standardwebhooks` package accepts the delivery (signature, and timestamp within 5 minutes) */
export function verifyStandard(rawBody, headers, secret) {
  try {
    new Webhook(standardSecret(secret)).verify(rawBody, {
      'webhook-id': String(headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(headers['webhook-signature'] ?? ''),
    });
    return true;
  } catch {
    return false;
  }
}

const seen = new Set(); // events already handled (a delivery can arrive twice: answer 2xx again)

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const rawBody = Buffer.concat(chunks); // verify the exact bytes, before any JSON parsing
    const ok = STANDARD ? verifyStandard(rawBody, req.headers, SECRET) : verify(rawBody, req.headers['x-tpg-signature'], SECRET);
    if (req.method !== 'POST' || !ok) {
      res.writeHead(400).end('bad signature');
      return;
    }
    const eventId = req.headers['webhook-id']; // the event id: the same on every retry and redelivery
    if (!seen.has(eventId)) {
      seen.add(eventId);
      const event = JSON.parse(rawBody.toString('utf8'));
      console.log(`${event.type} ${event.id}`, event.data.object);
    }
    res.writeHead(204).end(); // answer fast; do slow work after responding
  });
});

// listen when run directly (importing the file just gives the verify functions)
if (import.meta.url === `file://${process.argv[1]}`) {
  server.listen(4000, '127.0.0.1', () =>
    console.log(`listening on http://127.0.0.1:4000 (${STANDARD ? 'standardwebhooks' : 'X-TPG-Signature'})`),
  );
}
