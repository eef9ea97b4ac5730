/** `tron-payment-gateway openapi [--out docs/openapi.json]`: writes the OpenAPI document the API serves at /docs/json. */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../app/openapi-document.js';
import { type FlagSpec, parseFlags, usage } from './args.js';
import { packageVersion } from './start.command.js';

const FLAGS: Record<string, FlagSpec> = {
  out: { type: 'string', description: 'file to write (default: print to stdout)' },
  help: { type: 'boolean', description: 'show this help' },
};

export async function runOpenApiCommand(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    console.log(usage('openapi', FLAGS));
    return;
  }
  const text = `${JSON.stringify(await buildOpenApiDocument(packageVersion()), null, 2)}\n`;
  if (typeof flags.out === 'string') {
    writeFileSync(flags.out, text);
    console.log(`wrote ${flags.out}`);
  } else {
    process.stdout.write(text);
  }
  // The throw-away gateway is closed, but a lingering handle of a dependency must not keep a one-shot
  // command alive.
  process.exit(0);
}
