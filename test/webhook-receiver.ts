/** A local webhook receiver for tests: records every POST and verifies its signature with the secret it is given. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../src/modules/webhooks/signature.js';

export interface ReceivedEvent {
  id: string;
  type: string;
  /** data.object of the event */
  object: Record<string, unknown>;
  signatureOk: boolean;
  headers: IncomingMessage['headers'];
}

export interface WebhookReceiver {
  url: string;
  events: ReceivedEvent[];
  /** the endpoint's signing secret, once registered (signatures are checked against it) */
  secret: string;
  /** events about one object (payment, batch, settlement), in arrival order */
  eventsFor(objectId: string): ReceivedEvent[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state: WebhookReceiver = {
    url: '',
    events: [],
    secret: '',
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
      const body = JSON.parse(raw) as { id: string; type: string; data: { object: Record<string, unknown> } };
      state.events.push({ id: body.id, type: body.type, object: body.data.object, signatureOk, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
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
