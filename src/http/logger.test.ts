import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from './app.js';
import { createLogger, redactSecrets, redactUrlQuery } from './logger.js';
import { testAppOptions } from './testing.js';

function memoryDestination() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

let app: HttpApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted', () => {
    const { lines, stream } = memoryDestination();
    const log = createLogger({ level: 'info', destination: stream });
    log.info(
      {
        req: { headers: { authorization: 'Bearer sk_live', 'x-api-key': 'sk_live2', 'idempotency-key': 'k1' } },
        wallets: { mnemonic: 'abandon abandon', hot: { private_key: 'deadbeef' } },
        trongrid_api_key: 'tg',
      },
      'hello',
    );
    const line = JSON.stringify(lines[0]);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello' });
    expect(line).not.toMatch(/sk_live|abandon|deadbeef|"tg"/);
    expect(line).toContain('"idempotency-key":"k1"');
    expect(line).toContain('[redacted]');
  });

  it('hides secrets in errors and arrays without changing what the caller logged', () => {
    const { lines, stream } = memoryDestination();
    const log = createLogger({ level: 'info', destination: stream });
    const cause = Object.assign(new Error('root'), { password: 'pw-1' });
    const err = Object.assign(new Error('node refused', { cause }), { context: { trongrid_api_key: 'tg-key' }, status: 401 });
    const logged = { err, keys: [{ secret: 'whsec_1', id: 'k1' }], cookie: 'session=abc' };
    log.error(logged, 'failed');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/tg-key|whsec_1|session=abc|pw-1/);
    expect(lines[0]).toMatchObject({
      err: { message: 'node refused: root', status: 401, context: { trongrid_api_key: '[redacted]' } },
      keys: [{ secret: '[redacted]', id: 'k1' }],
    });
    expect(JSON.stringify(lines[0]?.err)).toContain('node refused\\n    at ');
    expect(err.context.trongrid_api_key).toBe('tg-key');
    expect(logged.keys[0]?.secret).toBe('whsec_1');
  });

  it('leaves an object without secrets as it is', () => {
    const clean = { payment_id: 'pay_1', nested: { amount: '1.5', list: [1, 2] } };
    expect(redactSecrets(clean)).toBe(clean);
    const error = new Error('plain');
    expect(redactSecrets({ err: error }).err).toBe(error);
  });

  it("hides secrets logged through a child logger, such as a request's", () => {
    const { lines, stream } = memoryDestination();
    createLogger({ level: 'info', destination: stream })
      .child({ reqId: 'req-1' })
      .warn({ config: { password: 'hunter2' } }, 'hi');
    expect(JSON.stringify(lines[0])).not.toContain('hunter2');
    expect(lines[0]).toMatchObject({ reqId: 'req-1', config: { password: '[redacted]' }, msg: 'hi' });
  });

  it('logs a failed request with its request id and the error, and no body', async () => {
    const { lines, stream } = memoryDestination();
    app = createHttpApp(testAppOptions({ logger: createLogger({ level: 'info', destination: stream }) }));
    app.post('/boom', { config: { public: true } }, async () => {
      throw new Error('kaboom');
    });
    const res = await app.inject({
      method: 'POST',
      url: '/boom',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42', authorization: 'Bearer sk_secret' },
      payload: '{"card":"4111111111111111"}',
    });
    expect(res.statusCode).toBe(500);
    const failure = lines.find((l) => l.msg === 'request failed');
    expect(failure).toMatchObject({ reqId: 'trace-42', err: { message: 'kaboom' } });
    const all = JSON.stringify(lines);
    expect(all).not.toContain('4111111111111111');
    expect(all).not.toContain('sk_secret');
  });

  it('keeps the request line of a URL with secret query parameters, their values hidden', async () => {
    const { lines, stream } = memoryDestination();
    app = createHttpApp(testAppOptions({ logger: createLogger({ level: 'info', destination: stream }) }));
    app.get('/echo', { config: { public: true } }, async () => ({ ok: true }));
    const url = '/echo?secret=s1&Password=p2&API_KEY=k3&apiKey=k4&x=keep&secret=s5&%61pi%5Fkey=k6&password';
    const res = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'trace-7' }, remoteAddress: '10.1.2.3' });
    expect(res.statusCode).toBe(200);
    const incoming = lines.find((l) => l.msg === 'incoming request');
    expect(incoming).toMatchObject({
      reqId: 'trace-7',
      req: {
        method: 'GET',
        url: '/echo?secret=[redacted]&Password=[redacted]&API_KEY=[redacted]&apiKey=[redacted]&x=keep&secret=[redacted]&%61pi%5Fkey=[redacted]&password',
        remoteAddress: '10.1.2.3',
      },
    });
    expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({ reqId: 'trace-7', res: { statusCode: 200 } });
    expect(JSON.stringify(lines)).not.toMatch(/s1|p2|k3|k4|s5|k6/);
  });

  it('leaves a URL without secret query parameters as it is', () => {
    for (const url of ['/api/v1/payments', '/api/v1/payments?limit=5&status=pending', '/x?secrets=1&my_password=2', '/x?%E0%A4%A=1'])
      expect(redactUrlQuery(url)).toBe(url);
    expect(redactUrlQuery('/x?a=1&seed=abandon+abandon#frag')).toBe('/x?a=1&seed=[redacted]');
  });
});
