import { describe, expect, it } from 'vitest';
import { healthTarget } from './healthcheck.js';

const ENTRY = ['/nodejs/bin/node', '--max-semi-space-size=8', 'bin/tron-payment-gateway.mjs'];

describe('the container health check probes what its role serves', () => {
  it('start: the API liveness on SERVICE_PORT', () => {
    expect(healthTarget([...ENTRY, 'start'], { SERVICE_PORT: '8097' })).toEqual({ url: 'http://127.0.0.1:8097/health/live' });
    expect(healthTarget([...ENTRY, 'start'], { SERVICE_PORT: '9000', TPG_ROLES: 'api,workers' })).toEqual({
      url: 'http://127.0.0.1:9000/health/live',
    });
  });

  it('start without the api role, or a one-shot command, has nothing to probe', () => {
    expect(healthTarget([...ENTRY, 'start'], { TPG_ROLES: 'workers,scanner' })).toHaveProperty('none');
    expect(healthTarget([...ENTRY, 'migrate'], {})).toHaveProperty('none');
  });

  it('devnet: /devnet/info on its --port, DEVNET_PORT or 8090', () => {
    expect(healthTarget([...ENTRY, 'devnet', '--host', '0.0.0.0', '--port', '8091'], {})).toEqual({
      url: 'http://127.0.0.1:8091/devnet/info',
    });
    expect(healthTarget([...ENTRY, 'devnet', '--port=8092'], {})).toEqual({ url: 'http://127.0.0.1:8092/devnet/info' });
    expect(healthTarget([...ENTRY, 'devnet'], { SERVICE_PORT: '8097' })).toEqual({ url: 'http://127.0.0.1:8090/devnet/info' });
  });

  it('the image default command (no arguments) is start', () => {
    expect(healthTarget(ENTRY, {})).toEqual({ url: 'http://127.0.0.1:8097/health/live' });
  });
});
