import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built single-page app from dist/web. Returns false when there is no build. */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`no web build at ${webRoot}; run "npm run build:web"`);
    return false;
  }
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: false });
  return true;
}
