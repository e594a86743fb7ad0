import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { loadEnv, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { cspMetaTag } from './scripts/csp.ts';
import { parseAllowlist } from './src/model/urls.ts';

const dataDir = new URL('./data', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// data/ holds incident files next to the code; serve them at /data/ in dev and copy them into the build.
function incidentData(): Plugin {
  return {
    name: 'incident-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        const path = join(dataDir, name);
        if (!path.startsWith(dataDir + sep) || !statSync(path, { throwIfNoEntry: false })?.isFile())
          return next();
        res.setHeader(
          'Content-Type',
          path.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8',
        );
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const path of filesUnder(dataDir)) {
        const fileName = `data/${relative(dataDir, path).split(sep).join('/')}`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      }
    },
  };
}

/**
 * Offline use: a Workbox service worker precaches the app shell and the bundled incident, and keeps the last
 * incidents opened from elsewhere; the app registers it from its bundle (no inline script) and offers updates.
 */
export function offline({ disable = false } = {}) {
  return VitePWA({
    disable,
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg'],
    manifest: {
      name: 'Incident Timeline',
      short_name: 'Timeline',
      description: 'An interactive, shareable UTC timeline of a security incident.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b57d0',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: [
        '**/*.{js,css,html,svg,webmanifest}',
        'data/cloudflare-thanksgiving-2023.json',
      ],
      navigateFallback: 'index.html',
      runtimeCaching: [
        {
          // Incident files opened by link or from another allowed origin: the network first, the last few kept.
          urlPattern: ({ request }) => request.destination === '',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'opened-incidents',
            expiration: { maxEntries: 4 },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  });
}

export default defineConfig(({ mode }) => ({
  base: './',
  // The same allowlist the loader checks `?src=` against (src/loading) becomes CSP connect-src.
  plugins: [
    react(),
    incidentData(),
    cspMetaTag(parseAllowlist(loadEnv(mode, process.cwd(), 'VITE_').VITE_ALLOWED_SOURCES)),
    offline(),
  ],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a busy two-core machine the 5 s default is too tight.
    testTimeout: 30_000,
  },
}));
