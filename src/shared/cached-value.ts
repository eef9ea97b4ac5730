/**
 * One value computed at most once per `ttlMs`, for readers that may come often and cheaply (a scrape,
 * an unauthenticated status page) of something costly to compute (database aggregates, chain reads).
 * Concurrent readers share one computation; a failed computation is not kept, so the next reader tries
 * again. With `serveStale`, a reader after expiry gets the last value at once while one refresh runs.
 */
export interface CachedValueOptions {
  ttlMs: number;
  now: () => number;
  /** after expiry, answer the last good value and refresh in the background (default false: wait for the refresh) */
  serveStale?: boolean;
}

export function cachedValue<T>(load: () => Promise<T>, options: CachedValueOptions): () => Promise<T> {
  let last: { value: T; until: number } | null = null;
  let loading: Promise<T> | null = null;

  const refresh = (): Promise<T> => {
    if (loading) return loading;
    const started = options.now();
    const current = load().then(
      (value) => {
        last = { value, until: started + options.ttlMs };
        loading = null;
        return value;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    loading = current;
    return current;
  };

  return () => {
    if (last && last.until > options.now()) return Promise.resolve(last.value);
    if (last && options.serveStale) {
      refresh().catch(() => {}); // the stale value keeps being served; the next reader tries again
      return Promise.resolve(last.value);
    }
    return refresh();
  };
}
