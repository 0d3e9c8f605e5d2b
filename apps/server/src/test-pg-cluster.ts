/**
 * Tests only: a PostgreSQL cluster of its own (Debian's postgresql-common tools), on a free port, that
 * a test may stop and start at will without touching the shared server on 5432. Needs root (or the
 * postgres user) and `pg_createcluster`; `scratchClusterSupport` says why not when it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

const PG_LIB = '/usr/lib/postgresql';

/** The newest installed PostgreSQL major version with a server binary, or null. */
function installedVersion(): string | null {
  if (!existsSync(PG_LIB)) return null;
  const versions = readdirSync(PG_LIB)
    .filter((v) => /^\d+$/.test(v) && existsSync(`${PG_LIB}/${v}/bin/postgres`))
    .sort((a, b) => Number(a) - Number(b));
  return versions.at(-1) ?? null;
}

function onPath(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Null when a scratch cluster can be made here, else the reason it cannot (one line).
 *
 * @example scratchClusterSupport() // null, or 'pg_createcluster is not installed'
 */
export function scratchClusterSupport(): string | null {
  if (!onPath('pg_createcluster')) return 'pg_createcluster is not installed (Debian postgresql-common)';
  if (installedVersion() === null) return `no PostgreSQL server under ${PG_LIB}`;
  if (process.getuid?.() !== 0) return 'making a PostgreSQL cluster needs root';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ScratchCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication). */
  url: string;
  start(): void;
  /** Fast shutdown: PostgreSQL terminates every connection, idle or busy, as on a restart. */
  stop(): void;
  /** Stop and delete the cluster with its data. */
  drop(): void;
}

/**
 * Create and start a throw-away cluster `chaos<random>` on a free port.
 *
 * @example
 * const c = await createScratchCluster(); c.stop(); c.start(); c.drop();
 */
export async function createScratchCluster(): Promise<ScratchCluster> {
  const version = installedVersion();
  if (!version) throw new Error(`no PostgreSQL server under ${PG_LIB}`);
  const name = `chaos${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  const ctl = (action: 'start' | 'stop') =>
    run('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      ...(action === 'stop' ? ['--mode', 'fast'] : []),
      version,
      name,
      action,
    ]);
  run('pg_createcluster', [version, name, '-p', String(port), '--', '--auth=trust']);
  const cluster: ScratchCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => {
      ctl('start');
      run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-t', '30']);
    },
    stop: () => ctl('stop'),
    drop: () => run('pg_dropcluster', ['--stop', version, name]),
  };
  try {
    cluster.start();
  } catch (err) {
    cluster.drop();
    throw err;
  }
  return cluster;
}
