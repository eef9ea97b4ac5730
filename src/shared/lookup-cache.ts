/**
 * A time-bounded cache for lookups on the request path (API keys, merchants). A plain cache whose
 * entry expires makes every request in flight miss at once: under load, dozens of identical queries and
 * new pool connections in one burst, which showed as the benchmark's slowest requests. Here concurrent
 * misses of a key share one lookup, and an entry in the last quarter of its life is refreshed in the
 * background while it is still served, so a steady client never waits for the database. An entry is
 * never served more than `ttlMs` after its lookup began, so what the TTL bounds (how long a revoked key
 * keeps working elsewhere) is unchanged.
 */
export interface LookupCacheOptions {
  /** how long a looked-up value may be served; 0 caches nothing (each call looks up) */
  ttlMs: number;
  now: () => number;
  /** the entries are dropped when this many are held (default 10,000) */
  maxEntries?: number;
  /** a background refresh failed; the entry is served until it expires, then looked up again */
  onRefreshError?: (error: unknown) => void;
}

interface Entry<V> {
  value: V;
  refreshAt: number;
  until: number;
}

/** Share of the TTL after which a served entry is refreshed in the background. */
const REFRESH_AFTER = 0.75;

export class LookupCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V | null>>();
  /** bumped by `clear`: a lookup that began before must not store what it read */
  private generation = 0;

  constructor(private readonly options: LookupCacheOptions) {}

  /** The cached value of `key`, or what `load` finds (null: nothing to cache, such as an unknown key). */
  get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    if (this.options.ttlMs <= 0) return load();
    const now = this.options.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) {
      if (now >= entry.refreshAt && !this.loading.has(key)) {
        this.lookUp(key, load).catch((error: unknown) => this.options.onRefreshError?.(error));
      }
      return Promise.resolve(entry.value);
    }
    return this.loading.get(key) ?? this.lookUp(key, load);
  }

  /** Forgets every entry, and what lookups under way will read. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private lookUp(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const generation = this.generation;
    const started = this.options.now();
    const { ttlMs } = this.options;
    const lookup = load().then(
      (value) => {
        if (this.loading.get(key) === lookup) this.loading.delete(key);
        if (generation !== this.generation) return value;
        if (value === null) this.entries.delete(key);
        else {
          if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.clear();
          this.entries.set(key, { value, refreshAt: started + ttlMs * REFRESH_AFTER, until: started + ttlMs });
        }
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === lookup) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, lookup);
    return lookup;
  }
}
