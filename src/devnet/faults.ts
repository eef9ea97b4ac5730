/**
 * Fault injection for tests of the gateway's resilience: paused blocks, lost or slow broadcasts, 5xx and 429 answers,
 * chain reorganisations every few blocks.
 */

export interface FaultSettings {
  /** stop producing blocks (also in manual mode, `mine` then refuses) */
  pauseBlocks: boolean;
  /** share (0–1) of broadcasts answered as accepted but never included */
  dropBroadcasts: number;
  /** delay before a broadcast is processed and answered */
  delayBroadcastsMs: number;
  /** share (0–1) of chain API requests answered with `errorStatus` */
  errorRate: number;
  errorStatus: number;
  /** share (0–1) of chain API requests answered 429 with Retry-After */
  rateLimitRate: number;
  /** after every this many produced blocks, a reorganisation (0: never) */
  reorgEveryBlocks: number;
  /** blocks it replaces (fewer when the solidified block is closer) */
  reorgDepth: number;
  /** share (0–1) of the replaced blocks' transactions that the reorganisation drops */
  reorgDropRate: number;
}

export const MAX_REORG_EVERY_BLOCKS = 10_000;
export const MAX_REORG_DEPTH = 100;

export const NO_FAULTS: FaultSettings = {
  pauseBlocks: false,
  dropBroadcasts: 0,
  delayBroadcastsMs: 0,
  errorRate: 0,
  errorStatus: 503,
  rateLimitRate: 0,
  reorgEveryBlocks: 0,
  reorgDepth: 1,
  reorgDropRate: 0,
};

const KEYS: Record<string, keyof FaultSettings> = {
  pause_blocks: 'pauseBlocks',
  drop_broadcasts: 'dropBroadcasts',
  delay_broadcasts_ms: 'delayBroadcastsMs',
  error_rate: 'errorRate',
  error_status: 'errorStatus',
  rate_limit_rate: 'rateLimitRate',
  reorg_every_blocks: 'reorgEveryBlocks',
  reorg_depth: 'reorgDepth',
  reorg_drop_rate: 'reorgDropRate',
};

/** Integer faults: their bounds and what the number counts. */
const INTEGERS: Partial<Record<keyof FaultSettings, { min: number; max: number; unit: string }>> = {
  delayBroadcastsMs: { min: 0, max: 600_000, unit: 'number of milliseconds' },
  reorgEveryBlocks: { min: 0, max: MAX_REORG_EVERY_BLOCKS, unit: 'number of blocks (0: never)' },
  reorgDepth: { min: 1, max: MAX_REORG_DEPTH, unit: 'number of blocks' },
};

export type FaultUpdate = { ok: true; settings: FaultSettings } | { ok: false; errors: { path: string; message: string }[] };

/** Applies a JSON update (snake_case keys; `{"reset": true}` clears everything) to the current settings. */
export function updateFaults(current: FaultSettings, body: unknown): FaultUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ path: '', message: 'body must be a JSON object' }] };
  }
  const input = body as Record<string, unknown>;
  const next: FaultSettings = input.reset === true ? { ...NO_FAULTS } : { ...current };
  const errors: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === 'reset') continue;
    const field = KEYS[key];
    if (!field) {
      errors.push({ path: key, message: `unknown fault; known: reset, ${Object.keys(KEYS).join(', ')}` });
      continue;
    }
    if (field === 'pauseBlocks') {
      if (typeof value !== 'boolean') errors.push({ path: key, message: 'must be true or false' });
      else next.pauseBlocks = value;
    } else if (field === 'errorStatus') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 500 || value > 599) {
        errors.push({ path: key, message: 'must be an HTTP status from 500 to 599' });
      } else next.errorStatus = value;
    } else if (INTEGERS[field]) {
      const { min, max, unit } = INTEGERS[field];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        errors.push({ path: key, message: `must be an integer ${unit} from ${min} to ${max}` });
      } else next[field] = value;
    } else if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      errors.push({ path: key, message: 'must be a number from 0 to 1 (a share of requests)' });
    } else {
      next[field] = value;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, settings: next };
}

export function faultsJson(f: FaultSettings): Record<string, unknown> {
  return {
    pause_blocks: f.pauseBlocks,
    drop_broadcasts: f.dropBroadcasts,
    delay_broadcasts_ms: f.delayBroadcastsMs,
    error_rate: f.errorRate,
    error_status: f.errorStatus,
    rate_limit_rate: f.rateLimitRate,
    reorg_every_blocks: f.reorgEveryBlocks,
    reorg_depth: f.reorgDepth,
    reorg_drop_rate: f.reorgDropRate,
  };
}
