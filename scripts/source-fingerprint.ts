// Writes the fingerprint of the bundled incident's source that bundled-incident.test.ts checks copying against:
// `npx tsx scripts/source-fingerprint.ts <the zh-Hant post as plain text>`. Only hashes are kept, never the text.
import { readFileSync, writeFileSync } from 'node:fs';
import { COPY_WINDOW, windowHashes } from '../src/model/verbatim';

const [input] = process.argv.slice(2);
if (!input) throw new Error('usage: tsx scripts/source-fingerprint.ts <source.txt>');
const out = new URL(
  '../data/fixtures/cloudflare-thanksgiving-2023.source-windows.txt',
  import.meta.url,
);
const hashes = windowHashes(readFileSync(input, 'utf8'));
writeFileSync(
  out,
  [
    `# cyrb53 hashes of every ${COPY_WINDOW}-character window of the Traditional Chinese edition of Cloudflare's`,
    '# "Thanksgiving 2023 security incident" (NFKC, whitespace removed), made by scripts/source-fingerprint.ts.',
    ...hashes,
    '',
  ].join('\n'),
);
console.log(`wrote ${hashes.length} window hashes to ${out.pathname}`);
