/** `tron-payment-gateway openapi [--out docs/openapi.json]`: writes the OpenAPI document the API serves at /docs/json. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../app/openapi-document.js';
import { CliFailure, HELP_OPTION, JSON_OPTION } from './args.js';
import { type Command, describeErrno } from './command.js';
import { printJson, say } from './output.js';
import { packageVersion } from './version.js';

export const openapiCommand: Command = {
  name: 'openapi',
  summary: 'write the OpenAPI document (--out docs/openapi.json)',
  options: {
    out: { type: 'string', value: 'file', description: 'file to write (default: print the document on stdout)' },
    ...JSON_OPTION,
    ...HELP_OPTION,
  },
  async run({ values }) {
    const text = `${JSON.stringify(await buildOpenApiDocument(packageVersion()), null, 2)}\n`;
    const out = values.out;
    if (typeof out === 'string') {
      try {
        writeFileSync(out, text);
      } catch (error) {
        throw new CliFailure(`--out: cannot write ${resolve(out)}: ${describeErrno((error as NodeJS.ErrnoException).code ?? 'EIO')}`);
      }
      if (values.json) printJson({ written: resolve(out), bytes: Buffer.byteLength(text) });
      else say(`wrote ${out}`);
    } else {
      process.stdout.write(text);
    }
    // The throw-away gateway is closed, but a lingering handle of a dependency must not keep a one-shot
    // command alive.
    process.exit(0);
  },
};
