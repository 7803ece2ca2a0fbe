import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const ENTRY = resolve(__dirname, '../../../renderer/src/main.tsx');

/**
 * The modules a file loads when it runs: its static imports and re-exports that bring a value
 * (`import type`, `import { type X }` only and dynamic `import()` load nothing at startup).
 */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** Resolves a relative specifier to the project's .ts/.tsx file; null for a package or a stylesheet. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Every package the renderer's entry loads at startup, with one project file that imports it. */
function startupPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local) queue.push(local);
      else if (!specifier.startsWith('.') && !packages.has(specifier)) packages.set(specifier, file);
    }
  }
  return packages;
}

describe('renderer startup', () => {
  it('loads no zod: the screens read the shared lists (vocabulary.ts), the engine checks every answer', () => {
    const packages = startupPackages();
    expect(packages.get('zod')).toBeUndefined();
    // The walk does reach the packages the page needs (a walk that finds nothing would pass above).
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['react', 'react-dom/client', 'i18next']));
  });
});
