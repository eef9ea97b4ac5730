import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from './app.js';
import { createLogger } from './logger.js';
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
});
