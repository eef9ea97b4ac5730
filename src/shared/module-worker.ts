/**
 * Starts a worker thread on one of the project's modules, whether the process runs the TypeScript
 * sources (through tsx, which a worker does not inherit) or the compiled dist/.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';

/** `./name.worker.ts` next to the caller when it runs from sources, `./name.worker.js` from dist/. */
export function siblingModule(callerUrl: string, baseName: string): URL {
  return new URL(`./${baseName}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

export function startModuleWorker(moduleUrl: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, execArgv: [], ...(resourceLimits ? { resourceLimits } : {}) };
  if (moduleUrl.pathname.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(moduleUrl.href)}, ${JSON.stringify(moduleUrl.href)}));`;
    return new Worker(code, { eval: true, ...options });
  }
  return new Worker(moduleUrl, options);
}
