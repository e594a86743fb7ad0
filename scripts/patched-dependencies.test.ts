// patches/ holds fixes to installed packages, applied by `npm ci` (postinstall: patch-package); these fail when one is lost.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Patch {
  file: string;
  name: string;
  version: string;
  /** Each hunk's text before and after the patch, with the file it applies to. */
  hunks: { path: string; before: string; after: string }[];
}

/** Reads a patch-package file: `<name>+<version>.patch` (a scope's `/` written `+`), a git diff inside. */
function parsePatch(file: string): Patch {
  const parts = file.replace(/\.patch$/, '').split('+');
  const hunks: Patch['hunks'] = [];
  let path = '';
  let hunk: { before: string[]; after: string[] } | undefined;
  const close = () => {
    if (hunk) hunks.push({ path, before: hunk.before.join('\n'), after: hunk.after.join('\n') });
    hunk = undefined;
  };
  for (const line of read(`patches/${file}`).split('\n')) {
    if (line.startsWith('+++ b/')) path = line.slice('+++ b/'.length);
    else if (line.startsWith('@@')) {
      close();
      hunk = { before: [], after: [] };
    } else if (hunk && line.startsWith(' ')) {
      hunk.before.push(line.slice(1));
      hunk.after.push(line.slice(1));
    } else if (hunk && line.startsWith('-')) hunk.before.push(line.slice(1));
    else if (hunk && line.startsWith('+')) hunk.after.push(line.slice(1));
    else if (line.startsWith('diff --git')) close();
  }
  close();
  return { file, name: parts.slice(0, -1).join('/'), version: parts.at(-1)!, hunks };
}

const patches = readdirSync(new URL('patches/', root))
  .filter((f) => f.endsWith('.patch'))
  .map(parsePatch);

describe('patched dependencies', () => {
  it('npm ci applies them: the root postinstall runs patch-package', () => {
    const pkg = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.postinstall).toMatch(/^patch-package\b/);
    expect(pkg.devDependencies['patch-package']).toBeDefined();
  });

  it('include the batched-draw patch of vis-timeline, against the build the app imports', () => {
    const vis = patches.find((p) => p.name === 'vis-timeline');
    const exports = (
      JSON.parse(read('node_modules/vis-timeline/package.json')) as {
        exports: Record<string, { import?: string }>;
      }
    ).exports;
    const imported = `node_modules/vis-timeline/${exports['./esnext']!.import!.replace(/^\.\//, '')}`;
    expect(vis?.hunks.map((h) => h.path)).toContain(imported);
  });

  describe.each(patches)('$file', (patch) => {
    it('was made for the installed version (re-create it after an upgrade)', () => {
      const installed = JSON.parse(read(`node_modules/${patch.name}/package.json`)) as {
        version: string;
      };
      expect(installed.version).toBe(patch.version);
    });

    it('is applied: every hunk reads as patched in node_modules', () => {
      expect(patch.hunks.length).toBeGreaterThan(0);
      for (const hunk of patch.hunks) {
        const text = read(hunk.path);
        // Booleans, so a failure names the file instead of printing all of it.
        expect(text.includes(hunk.after), `${hunk.path}: patched text missing`).toBe(true);
        expect(text.includes(hunk.before), `${hunk.path}: unpatched text present`).toBe(false);
      }
    });
  });
});
