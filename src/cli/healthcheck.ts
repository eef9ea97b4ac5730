/**
 * The container's health check (`node dist/cli/healthcheck.js`): one image runs several roles, so it
 * reads the main process's command line (/proc/1/cmdline, PID 1 in the container) and probes what that
 * role serves: the API's liveness for `start`, the devnet's info for `devnet`. A `start` without the
 * `api` role serves no HTTP and a one-shot command (`migrate`) has nothing to probe: both count as healthy
 * while they run. Distroless images have no curl, so Node's fetch does the probe.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type HealthTarget = { url: string } | { none: string };

const DEFAULT_API_PORT = 8097;
const DEFAULT_DEVNET_PORT = 8090;

function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

function portOf(text: string | undefined, fallback: number): number {
  return text !== undefined && /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : fallback;
}

/** What to probe for a process started with `argv` (node and its flags included) and `env`. */
export function healthTarget(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HealthTarget {
  const entry = argv.findIndex((arg) => arg.endsWith('tron-payment-gateway.mjs') || arg.endsWith('cli/main.js'));
  const args = entry < 0 ? [] : argv.slice(entry + 1);
  const command = args[0] ?? 'start';
  if (command === 'start') {
    const roles = (env.TPG_ROLES ?? 'api').split(',').map((role) => role.trim());
    if (!roles.includes('api')) return { none: `the ${roles.join(', ')} role serves no HTTP` };
    return { url: `http://127.0.0.1:${portOf(env.SERVICE_PORT, DEFAULT_API_PORT)}/health/live` };
  }
  if (command === 'devnet') {
    return { url: `http://127.0.0.1:${portOf(optionValue(args, 'port') ?? env.DEVNET_PORT, DEFAULT_DEVNET_PORT)}/devnet/info` };
  }
  return { none: `"${command}" serves nothing to probe` };
}

async function probe(): Promise<number> {
  let argv: string[] = [];
  try {
    argv = readFileSync('/proc/1/cmdline', 'utf8')
      .split('\0')
      .filter((arg) => arg.length > 0);
  } catch {
    // not in a container (no /proc/1 of ours): probe the API as `start` would serve it
  }
  const target = healthTarget(argv, process.env);
  if ('none' in target) return 0;
  try {
    const answer = await fetch(target.url, { signal: AbortSignal.timeout(4_000) });
    return answer.ok ? 0 : 1;
  } catch {
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await probe();
}
