import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';
import { languageOf } from './i18n.js';

/** Where `vite build` writes the web app (apps/web/dist/app), seen from src/ and from dist/ alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/app/', import.meta.url));

export interface WebOptions {
  /** The built web app's folder (index.html + assets/); default DEFAULT_WEB_ROOT. */
  root?: string;
}

const NOT_BUILT = {
  vi: 'Ứng dụng web chưa được dựng. Chạy: npm run build',
  en: 'The web app has not been built. Run: npm run build',
} as const;

/**
 * Serve the built web app at `/`: hashed files under `/assets/` are cached for a year, every other
 * GET outside `/api` answers index.html (the browser's router reads the address), and an unknown
 * `/api/…` address stays the API's JSON 404. Registered after the API routes, which win on a match.
 *
 * @example
 * await app.register(webApp, { root: '/srv/chitieu/web' });
 * await app.inject({ url: '/plans/NQ-DH-XV' }); // 200 text/html (index.html)
 * await app.inject({ url: '/api/nope' });       // 404 { error: { code: 'not-found', … } }
 */
export async function webApp(app: FastifyInstance, options: WebOptions): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const built = existsSync(join(root, 'index.html'));
  await app.register(fastifyStatic, { root, serve: false });
  const config = { access: { public: true } } as const;
  const schema = { hide: true } as const;

  app.get('/assets/*', { config, schema }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(`assets/${file}`, { immutable: true, maxAge: '365d' });
  });

  app.get('/*', { config, schema }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) throw new ApiError(404, 'not-found');
    if (!built) {
      const lang = languageOf(request.headers['accept-language']);
      return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT[lang]);
    }
    // Never cached: a new build's index.html names new asset files.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
