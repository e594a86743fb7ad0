// `npm run build:single`: one self-contained HTML file (script, styles and the bundled incident inlined, no network).
import { readFileSync } from 'node:fs';
import { mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config';

const incident = readFileSync(new URL('./data/cloudflare-thanksgiving-2023.json', import.meta.url), 'utf8');

// The incident rides along as a JSON data block: browsers never execute it, and the loader reads it from file://.
function inlineIncident(): Plugin {
  return {
    name: 'inline-incident',
    transformIndexHtml: () => [
      {
        tag: 'script',
        attrs: { type: 'application/json', id: 'bundled-incident' },
        children: JSON.stringify(JSON.parse(incident)).replaceAll('<', '\\u003c'),
        injectTo: 'body',
      },
    ],
  };
}

export default mergeConfig(base, {
  plugins: [viteSingleFile({ removeViteModuleLoader: true }), inlineIncident()],
  build: { outDir: 'dist-single', emptyOutDir: true, copyPublicDir: false },
});
