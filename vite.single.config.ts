// `npm run build:single`: one self-contained HTML file (script, styles and the bundled incident inlined, no network).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig, type Plugin, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base, { offline } from './vite.config';

const incident = readFileSync(
  new URL('./data/cloudflare-thanksgiving-2023.json', import.meta.url),
  'utf8',
);
const favicon = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'base64');

// The incident rides along as a JSON data block: browsers never execute it, and the loader reads it from file://.
function inlineIncident(): Plugin {
  return {
    name: 'inline-incident',
    transformIndexHtml: (html) => ({
      html: html.replace('href="./favicon.svg"', `href="data:image/svg+xml;base64,${favicon}"`),
      tags: [
        {
          tag: 'script',
          attrs: { type: 'application/json', id: 'bundled-incident' },
          children: JSON.stringify(JSON.parse(incident)).replaceAll('<', '\\u003c'),
          injectTo: 'body',
        },
      ],
    }),
  };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// The policy allows scripts and styles from 'self' only; the inlined ones are allowed instead by their hashes.
// This runs on the written file, after the single-file plugin has inlined everything.
function hashInlined(outDir: string): Plugin {
  return {
    name: 'csp-hash-inlined',
    closeBundle() {
      const path = join(outDir, 'index.html');
      const html = readFileSync(path, 'utf8');
      const scripts = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => sha256(m[1]!),
      );
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) =>
        sha256(m[1]!),
      );
      writeFileSync(
        path,
        html
          .replace("script-src 'self'", `script-src ${scripts.join(' ')}`)
          .replace("style-src 'self'", `style-src ${styles.join(' ')}`),
      );
    },
  };
}

export default defineConfig((env) => {
  const shared = base(env) as UserConfig;
  // The incident files of data/ are not copied: the one that matters is inlined. A file:// page has no service
  // worker, so the offline plugin stays only as its no-op stand-in for the app's registration import.
  const plugins = shared.plugins
    ?.flat()
    .filter(
      (p) =>
        !(
          p &&
          typeof p === 'object' &&
          'name' in p &&
          (p.name === 'incident-data' || String(p.name).startsWith('vite-plugin-pwa'))
        ),
    );
  return mergeConfig(
    { ...shared, plugins },
    {
      plugins: [
        offline({ disable: true }),
        inlineIncident(),
        viteSingleFile({ removeViteModuleLoader: true }),
        hashInlined('dist-single'),
      ],
      build: { outDir: 'dist-single', emptyOutDir: true, copyPublicDir: false },
    },
  );
});
