/**
 * The baseline of the gateway benchmark: a bare Fastify server on the same Node, with one POST route
 * at the gateway's create path that parses the JSON body and answers a small JSON object (201), plus
 * GET /health/live. Run as a child process by bench/gateway.bench.ts:
 * `node --import tsx bench/gateway.bare.ts` with PORT set; prints `listening <url>` when ready.
 */
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? '0');
const app = Fastify({ logger: false });
let served = 0;

app.get('/health/live', async () => ({ status: 'alive' }));

app.post('/api/v1/payments/create', async (request, reply) => {
  const body = request.body as { reference_id?: unknown } | null;
  served++;
  return reply
    .code(201)
    .send({ id: `bare_${served}`, object: 'ack', reference_id: typeof body?.reference_id === 'string' ? body.reference_id : null });
});

const url = await app.listen({ host: '127.0.0.1', port });
process.stdout.write(`listening ${url}\n`);

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
