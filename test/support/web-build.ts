import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/** Browser journeys need the built web app: build it when its sources changed. Checked once here for
 *  the whole tier, so that each journey's server start need not hash the web sources again. */
export default function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  project.provide('webBuildChecked', true);
}

declare module 'vitest' {
  export interface ProvidedContext {
    webBuildChecked: boolean;
  }
}
