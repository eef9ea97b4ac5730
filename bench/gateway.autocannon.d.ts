/**
 * The part of autocannon 8's programmatic API that bench/gateway.bench.ts uses (the package ships no
 * types). Latencies are milliseconds; `duration` is seconds.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** called before every request built from this entry; returning a falsy value skips it */
      setupRequest?(request: Request, context: Record<string, unknown>): Request | null | undefined;
      /** called with every response to a request built from this entry, with the whole body */
      onResponse?(status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>): void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** seconds */
      duration?: number;
      amount?: number;
      /** seconds a request may take before it counts as a timeout (an error) */
      timeout?: number;
      pipelining?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      requests?: Request[];
      bailout?: number;
    }

    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      total: number;
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Histogram;
      requests: Histogram & { sent: number };
      start: Date;
      finish: Date;
    }

    /** Emits 'response' (client, statusCode, resBytes, responseTimeMs) and 'reqError' (error); awaiting it gives the result. */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
