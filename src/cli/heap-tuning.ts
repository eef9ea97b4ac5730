/**
 * V8 heap growth for the long-running gateway process (ADR 0011). By default V8 lets the old generation
 * grow to about twice its live size before it collects; under a steady request load that garbage is what
 * pushes the resident memory up. A smaller growing factor collects earlier at little CPU cost. An operator
 * who passes their own `--heap-growing-percent` (command line or NODE_OPTIONS) keeps it.
 */
import { setFlagsFromString } from 'node:v8';

export const SERVICE_HEAP_GROWING_PERCENT = 40;

const FLAG = '--heap-growing-percent';

export function operatorChoseHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => arg.startsWith(FLAG) || arg.startsWith('--heap_growing_percent'));
}

/** Applies the service's heap growth unless the operator chose one; returns the flag it set, or null. */
export function tuneHeapForService(): string | null {
  if (operatorChoseHeapGrowth(process.execArgv, process.env.NODE_OPTIONS)) return null;
  const flag = `${FLAG}=${SERVICE_HEAP_GROWING_PERCENT}`;
  setFlagsFromString(flag);
  return flag;
}
