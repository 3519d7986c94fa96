import { execFileSync } from 'node:child_process';

/** Browser journeys need the built web app: build it when its sources changed. */
export default function setup() {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
}
