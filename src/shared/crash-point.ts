/**
 * A test-only crash point (ADR 0033): with `TPG_TEST_CRASH_AFTER_COMMIT=<point>` in the environment, a
 * gateway on the embedded `devnet` network kills itself with SIGKILL when it reaches `<point>`: after a
 * use case committed and before the answer is sent, the worst moment for an Idempotency-Key. It is armed
 * only on devnet, so no configuration of a real network (nile, shasta, mainnet) can enable it.
 */

export type CrashPoint = (point: string) => void;

export const CRASH_AFTER_COMMIT_ENV = 'TPG_TEST_CRASH_AFTER_COMMIT';

export function crashPoints(networkName: string, env: NodeJS.ProcessEnv = process.env): CrashPoint {
  const armed = env[CRASH_AFTER_COMMIT_ENV];
  if (!armed || networkName !== 'devnet') return () => {};
  return (point) => {
    if (point === armed) process.kill(process.pid, 'SIGKILL');
  };
}
