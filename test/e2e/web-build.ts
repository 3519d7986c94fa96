// Makes sure dist/web is built from the current web sources before a journey starts the server.
// Test files run in parallel: the first one to take the lock builds, the others wait for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function isFresh(root: string): boolean {
  const built = join(root, 'dist/web/index.html');
  if (!existsSync(built)) return false;
  const sources = Math.max(
    newestMtime(join(root, 'src/web')),
    newestMtime(join(root, 'index.html')),
    newestMtime(join(root, 'vite.config.ts')),
  );
  return statSync(built).mtimeMs >= sources;
}

export async function ensureWebBuild(root: string, timeoutMs = 120_000): Promise<void> {
  const lock = join(root, '.tmp/e2e-web-build.lock');
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!isFresh(root)) {
    try {
      mkdirSync(lock); // atomic: only one process gets it
    } catch {
      // another test file is building; a lock older than the timeout is left over from a crash
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > timeoutMs) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for the web build');
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!isFresh(root)) {
        execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
          cwd: root,
          stdio: 'inherit',
        });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
