/**
 * `npm run bench`: the one entry point for every benchmark. Each `bench/*.bench.ts` exports
 * `name` and `run()`, which returns tables whose rows include a baseline measured in the same run.
 * Run one by name: `npm run bench -- core`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchTable, printTable } from './lib.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

let failed = false;
for (const f of files) {
  const mod = (await import(pathToFileURL(`${dir}/${f}`).href)) as {
    name: string;
    run: () => Promise<BenchTable[]>;
  };
  if (only.length > 0 && !only.includes(mod.name)) continue;
  process.stdout.write(`\n## ${mod.name} (${f})\n`);
  try {
    for (const table of await mod.run()) printTable(table);
  } catch (err) {
    failed = true;
    process.stdout.write(`FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
