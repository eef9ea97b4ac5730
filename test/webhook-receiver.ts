/**
 * A local webhook receiver for tests: records every POST and verifies both signatures with the secret it
 * is given — X-TPG-Signature with the gateway's own check, the Standard Webhooks headers with the
 * `standardwebhooks` package, as a merchant would.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { verifyWebhookSignature } from '../src/modules/webhooks/signature.js';

export interface ReceivedEvent {
  id: string;
  type: string;
  /** data.object of the event */
  object: Record<string, unknown>;
  /** X-TPG-Signature verified */
  signatureOk: boolean;
  /** webhook-id, webhook-timestamp and webhook-signature verified by the `standardwebhooks` package */
  standardSignatureOk: boolean;
  headers: IncomingMessage['headers'];
  /** the body exactly as received */
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  events: ReceivedEvent[];
  /** the endpoint's signing secret, once registered (signatures are checked against it) */
  secret: string;
  /** the status answered to the next POSTs; default 200 */
  status: number;
  /** events about one object (payment, batch, settlement), in arrival order */
  eventsFor(objectId: string): ReceivedEvent[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state: WebhookReceiver = {
    url: '',
    events: [],
    secret: '',
    status: 200,
    eventsFor: (id) =>
      state.events.filter(
        (e) => Object.values(e.object).some((v) => v === id) || (e.object.payment as { payment_id?: string })?.payment_id === id,
      ),
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['x-tpg-signature'];
      const signatureOk =
        state.secret !== '' &&
        verifyWebhookSignature({ rawBody: raw, header: Array.isArray(header) ? header[0] : header, secret: state.secret }).ok;
      const standardSignatureOk = state.secret !== '' && verifiesAsStandardWebhook(raw, req.headers, state.secret);
      const body = JSON.parse(raw) as { id: string; type: string; data: { object: Record<string, unknown> } };
      state.events.push({
        id: body.id,
        type: body.type,
        object: body.data.object,
        signatureOk,
        standardSignatureOk,
        headers: req.headers,
        rawBody: raw,
      });
      res.writeHead(state.status, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return state;
}

/** `new Webhook(secret).verify(body, headers)` from the `standardwebhooks` package: true unless it throws. */
export function verifiesAsStandardWebhook(rawBody: string, headers: IncomingMessage['headers'], secret: string): boolean {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') flat[name] = value;
  try {
    new Webhook(secret).verify(rawBody, flat);
    return true;
  } catch {
    return false;
  }
}
