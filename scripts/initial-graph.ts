// The modules a page loads before its first view: static value imports from an entry, followed through the sources.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The specifiers a file imports for their values at load time: no `import type`, no all-type lists, no `import()`. */
export function staticValueImports(code: string, fileName = 'module.tsx'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      // Every name in the list is a type: the bundler drops the import, and ESLint asks for `import type` there.
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier.replace(/\?.*$/, ''));
  return EXTENSIONS.map((ext) => base + ext).find((p) => existsSync(p) && !p.endsWith('/'));
}

export interface InitialGraph {
  /** Each source file loaded at start (relative to the root), with the chain of imports that reaches it. */
  files: Map<string, string[]>;
  /** Each package specifier imported at start (`zod/mini` apart from `zod`), with the files that import it. */
  packages: Map<string, string[]>;
}

/** Walks the static value imports from `entry` (a path under `root`); stylesheets and assets are leaves. */
export function initialGraph(root: string, entry: string): InitialGraph {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const queue: [string, string[]][] = [[join(root, entry), []]];
  while (queue.length > 0) {
    const [file, chain] = queue.shift()!;
    const name = relative(root, file);
    if (files.has(name)) continue;
    const path = [...chain, name];
    files.set(name, path);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of staticValueImports(readFileSync(file, 'utf8'), file)) {
      if (!specifier.startsWith('.')) {
        packages.set(specifier, [...(packages.get(specifier) ?? []), name]);
        continue;
      }
      const next = resolve(file, specifier);
      if (next === undefined) throw new Error(`${name}: cannot resolve ${specifier}`);
      queue.push([next, path]);
    }
  }
  return { files, packages };
}
