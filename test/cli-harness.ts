/**
 * Runs the `tron-payment-gateway` command as a user does (`node bin/tron-payment-gateway.mjs …`, the
 * compiled build the suite's global setup keeps fresh), in an environment with nothing that would
 * configure the gateway besides what the test passes.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ENV_OVERRIDES } from '../src/config/env.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'tron-payment-gateway.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The test run's environment without the gateway's own variables (ENV_OVERRIDES, TPG_CONFIG_FILE). */
export function cleanEnv(): Record<string, string> {
  const drop = new Set([...ENV_OVERRIDES.map((o) => o.variable), 'TPG_CONFIG_FILE']);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.has(key)) env[key] = value;
  return env;
}

/** The command with `args`, to its exit, with its whole output; `input` is written to its standard input. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    if (input !== undefined) child.stdin.end(input);
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
