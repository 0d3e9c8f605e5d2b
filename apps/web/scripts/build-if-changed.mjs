// Build the web app with Vite only when its inputs changed since the last build: `npm start` runs this
// every time and must stay fast when nothing changed. The stamp is a hash of every input file's path and
// content (not mtimes: a fresh checkout or a copy must not force a rebuild, an edit must).
// Usage: node apps/web/scripts/build-if-changed.mjs [--force]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const repo = join(web, '..', '..');
const outDir = join(web, 'dist', 'app');
const stampFile = join(outDir, '.build-stamp');

/** Everything the bundle is made of: the app, the core it imports, the lock file that pins libraries. */
const INPUTS = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/core/src',
  'packages/contract/src',
  'package-lock.json',
];

function* filesUnder(path) {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* filesUnder(child);
    // Tests are not part of the bundle: editing one must not rebuild.
    else if (!/\.test\.tsx?$/.test(entry.name)) yield child;
  }
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of filesUnder(join(repo, input))) {
      hash.update(relative(repo, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const stamp = inputsHash();
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (!force && previous === stamp && existsSync(join(outDir, 'index.html'))) process.exit(0);

console.log('chitieu: building the web app (apps/web) …');
const { build } = await import('vite');
await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stampFile, `${stamp}\n`);
console.log('chitieu: web app built in apps/web/dist/app');
