/** Builds the web app when its sources changed since the last build, so later starts stay fast. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist/web/.source-hash');
const inputs = ['src/web', 'src/domain', 'index.html', 'vite.config.ts', 'package-lock.json'];

function walk(p, out) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) for (const e of fs.readdirSync(full).sort()) walk(path.join(p, e), out);
  else out.push(p);
}

const files = [];
for (const i of inputs) walk(i, files);
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
const digest = hash.digest('hex');

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest && fs.existsSync(path.join(root, 'dist/web/index.html'))) {
  process.exit(0);
}
console.log('[larka] building the web app …');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
fs.writeFileSync(stamp, digest);
