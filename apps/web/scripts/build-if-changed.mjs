// Build the web app with Vite only when its inputs changed since the last build: `npm start` runs this
// every time and must stay fast when nothing changed. The stamp is a hash of every input file's path and
// content (not mtimes: a fresh checkout or a copy must not force a rebuild, an edit must).
// Usage: node apps/web/scripts/build-if-changed.mjs [--force]
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
  'apps/web/scripts/build-if-changed.mjs',
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
const upToDate = () =>
  existsSync(join(outDir, 'index.html')) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8').trim() === stamp;
if (!force && upToDate()) process.exit(0);

// Two builds at once (two test suites, two starts) must not empty each other's output: one builds at a
// time, into a fresh folder swapped in whole, so a running server never serves half of two builds.
const lock = join(web, 'dist', '.build-lock');
mkdirSync(join(web, 'dist'), { recursive: true });
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    // A lock left by a build that died (older than five minutes) is taken over.
    if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 250));
  }
}
try {
  if (force || !upToDate()) {
    console.log('chitieu: building the web app (apps/web) …');
    const fresh = join(web, 'dist', `app-${process.pid}`);
    // Always the production bundle: run from a test (vitest sets NODE_ENV=test) Vite would otherwise
    // take React's development build, 25 % larger, and `npm start` would then serve it.
    process.env.NODE_ENV = 'production';
    const { build } = await import('vite');
    await build({
      configFile: join(web, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: fresh, emptyOutDir: true },
    });
    writeFileSync(join(fresh, '.build-stamp'), `${stamp}\n`);
    const old = join(web, 'dist', `app-old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(fresh, outDir);
    rmSync(old, { recursive: true, force: true });
    console.log('chitieu: web app built in apps/web/dist/app');
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
