// A webhook receiver that verifies X-TPG-Signature with node:crypto only (no gateway code needed).
// Run: WEBHOOK_SECRET=whsec_... node examples/verify-webhook.mjs   (listens on 127.0.0.1:4000)
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const SECRET = process.env.WEBHOOK_SECRET ?? '';
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

const seen = new Set(); // delivery ids already handled (a delivery can arrive twice: answer 2xx again)

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const rawBody = Buffer.concat(chunks); // verify the exact bytes, before any JSON parsing
    if (req.method !== 'POST' || !verify(rawBody, req.headers['x-tpg-signature'], SECRET)) {
      res.writeHead(400).end('bad signature');
      return;
    }
    const deliveryId = req.headers['x-tpg-delivery-id'];
    if (!seen.has(deliveryId)) {
      seen.add(deliveryId);
      const event = JSON.parse(rawBody.toString('utf8'));
      console.log(`${event.type} ${event.id}`, event.data.object);
    }
    res.writeHead(204).end(); // answer fast; do slow work after responding
  });
});

// listen when run directly (importing the file just gives `verify`)
if (import.meta.url === `file://${process.argv[1]}`) {
  server.listen(4000, '127.0.0.1', () => console.log('listening on http://127.0.0.1:4000'));
}
