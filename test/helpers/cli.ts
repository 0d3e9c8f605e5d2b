import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI: tests run it as users do (`npm test` builds first with `tsc -b`). */
export const CLI = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: run \`npx tsc -b\` (npm test does) before these tests`);
}

/** Environment for a child: the parent's, minus chitieu's own variables, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['PORT', 'HOST', 'DATABASE_URL', 'CHITIEU_DEMO', 'CHITIEU_LANG']) delete base[k];
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `chitieu ARGS` to completion.
 *
 * @example
 * const r = await runCli(['migrate'], { cwd: dir, env: { DATABASE_URL: 'sqlite:x.db' } }); // r.code === 0
 */
export function runCli(
  args: string[],
  options: {
    cwd: string;
    env?: Record<string, string>;
    /** Written to the command's stdin, which is then closed. */
    input?: string;
  },
): Promise<Finished> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env ?? {}),
  });
  child.stdin?.end(options.input ?? '');
  return finished(child);
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Server {
  url: string;
  /** Everything printed on stdout up to readiness. */
  banner: string;
  /** Send SIGTERM and wait for the exit. */
  stop(): Promise<Finished>;
}

/**
 * Start `chitieu serve` on a free port (PORT=0) and wait until it prints its address.
 * Rejects with the process's output if it exits first.
 *
 * @example
 * const s = await startCliServer({ cwd: dir, env: { DATABASE_URL: url, CHITIEU_DEMO: '0' } });
 * await fetch(`${s.url}/api/health`); await s.stop();
 */
export function startCliServer(options: {
  cwd: string;
  env?: Record<string, string>;
  /** Wait for this too on stdout (e.g. the banner's last line when logs come first). */
  ready?: RegExp;
}): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: options.cwd,
    env: childEnv({ PORT: '0', ...options.env }),
  });
  const done = finished(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const watch = (d: Buffer) => {
      out += d;
      const m = out.match(/(http:\/\/[^\s]+:\d+)/);
      if (m?.[1] && (!options.ready || options.ready.test(out))) {
        child.stdout?.off('data', watch);
        const url = m[1];
        resolve({
          url,
          banner: out,
          stop: () => {
            child.kill('SIGTERM');
            return done;
          },
        });
      }
    };
    child.stdout?.on('data', watch);
    done.then((r) =>
      reject(new Error(`chitieu serve exited (${r.code}) before it was ready:\n${r.stdout}\n${r.stderr}`)),
    );
  });
}
