// Starts the real Lärka server for a browser journey: a free port, a fresh data folder
// (copied from LARKA_TEMPLATE_DATA_DIR when set, otherwise the server seeds the demo itself).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { testTempDir } from '../support/temp-dir.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms\n${log()}`);
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

/** A value the test run's global setup provided (typed there; looked up by name here), or undefined
 *  when not running under the project's vitest config. */
function provided<T>(key: string): T | undefined {
  try {
    return (inject as unknown as (key: string) => T | undefined)(key);
  } catch {
    return undefined;
  }
}

/** The demo template folder: LARKA_TEMPLATE_DATA_DIR, or the one the test run's global setup seeded. */
function templateDir(): string | undefined {
  if (process.env.LARKA_TEMPLATE_DATA_DIR) return process.env.LARKA_TEMPLATE_DATA_DIR;
  return provided<string>('pgliteTemplateDir') || undefined;
}

/** The server serves dist/web: build it when the web sources changed (a no-op when fresh). The e2e
 *  tier's global setup (test/support/web-build.ts) has done so once for the whole run. */
function ensureWebBuild(): void {
  if (provided<boolean>('webBuildChecked')) return;
  const script = ['scripts/build-web-if-stale.mjs', 'scripts/build-web-if-stale.ts']
    .map((p) => join(repoRoot, p))
    .find((p) => existsSync(p));
  if (script) {
    execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: 'inherit' });
  } else if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
}

export interface ServerOptions {
  /** Extra environment of the server (e.g. SMTP settings). */
  env?: NodeJS.ProcessEnv;
  /** LARKA_NOW: the instant the server's clock starts at (ISO), e.g. a school day of the seeded term. */
  now?: string;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  ensureWebBuild();
  const template = templateDir();
  // The free port is released before the server takes it: when journeys run in parallel another
  // process may take it first, and the server then exits with EADDRINUSE; it starts again on a fresh copy.
  for (let attempt = 1; ; attempt++) {
    const dataDir = testTempDir('larka-e2e-');
    if (template) cpSync(template, dataDir, { recursive: true });
    try {
      return await startOn(await freePort(), dataDir, opts);
    } catch (e) {
      rmSync(dataDir, { recursive: true, force: true });
      if (attempt < 3 && e instanceof PortTakenError) continue;
      throw e;
    }
  }
}

class PortTakenError extends Error {}

async function startOn(port: number, dataDir: string, opts: ServerOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LARKA_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...opts.env,
    ...(opts.now ? { LARKA_NOW: opts.now } : {}),
  };
  delete env.DATABASE_URL; // e2e always runs on a fresh embedded database
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      process.kill(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, 5_000)) && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      await waitForExit(child, 2_000);
    }
  };
  const stop = async () => {
    await kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output, 60_000);
  } catch (e) {
    await kill();
    if (output.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} was taken`);
    throw e;
  }
  return { baseUrl, stop };
}
