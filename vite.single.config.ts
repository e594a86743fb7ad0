// `npm run build:single`: one self-contained HTML file (script, styles and the bundled incident inlined, no network).
import { readFileSync } from 'node:fs';
import { mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config';

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

// The incident files of data/ are not copied: the one that matters is inlined.
const plugins = base.plugins
  ?.flat()
  .filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'incident-data'));

export default mergeConfig(
  { ...base, plugins },
  {
    plugins: [viteSingleFile({ removeViteModuleLoader: true }), inlineIncident()],
    build: { outDir: 'dist-single', emptyOutDir: true, copyPublicDir: false },
  },
);
