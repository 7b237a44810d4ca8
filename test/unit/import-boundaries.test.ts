/**
 * Import boundaries between the folders of src/, checked on every module with TypeScript's own
 * parser (imports, `export … from`, `import('…')` in a type or a call, `require`):
 *
 * - src/core imports nothing of server, ui or local: it is the pure rules both sides share;
 * - src/ui imports server code as types only (`import type`): a page is bundled on its own
 *   and must not carry server modules into the browser (its calls go through google.script.run);
 * - src/server never imports src/local: what ships to Apps Script must not depend on the Node
 *   runtime that imitates it;
 * - nothing in src/ imports test/.
 *
 * Biome's noRestrictedImports cannot tell a type-only import from a value import, hence this test
 * rather than a lint rule.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

type Area = 'core' | 'server' | 'ui' | 'local' | 'test' | 'elsewhere';

/** One module specifier found in a file, and whether only types come through it. */
interface Dependency {
  line: number;
  specifier: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** The folder of the project a path lies in (a package name lies elsewhere). */
function areaOf(path: string): Area {
  const rel = relative(ROOT, path).split('\\').join('/');
  const m = /^src\/(core|server|ui|local)(\/|$)/.exec(rel);
  if (m) return m[1] as Area;
  return /^test(\/|$)/.test(rel) ? 'test' : 'elsewhere';
}

/** Every module the source depends on. */
function dependencies(fileName: string, source: string): Dependency[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out: Dependency[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (spec && ts.isStringLiteralLike(spec)) out.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, specifier: spec.text, typeOnly });
  };
  /** `import('…')` or `require('…')` called at run time. */
  const loads = (call: ts.CallExpression) =>
    call.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(call.expression) && call.expression.text === 'require');
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, !!node.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, true);
    else if (ts.isCallExpression(node) && loads(node)) add(node, node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Why `from` may not depend on `dep`, or null when it may. */
function breach(from: string, dep: Dependency): string | null {
  if (!dep.specifier.startsWith('.')) return null;
  const source = areaOf(from);
  const target = areaOf(resolve(dirname(from), dep.specifier));
  if (source === 'test' || source === 'elsewhere' || source === target) return null;
  if (target === 'test') return 'src/ imports nothing of test/';
  if (source === 'core' && target !== 'elsewhere') return `src/core imports nothing of src/${target}`;
  if (source === 'server' && target === 'local') return 'src/server never imports src/local';
  if (source === 'ui' && target === 'server' && !dep.typeOnly) return 'src/ui imports server code as types only (import type)';
  return null;
}

function breaches(path: string, source: string): string[] {
  return dependencies(path, source)
    .map((d) => ({ d, why: breach(path, d) }))
    .filter((x) => x.why)
    .map(({ d, why }) => `${relative(ROOT, path)}:${d.line}: '${d.specifier}': ${why}`);
}

describe('import boundaries of src/', () => {
  const all = files(join(ROOT, 'src'));

  it('reads every folder', () => {
    for (const area of ['core', 'server', 'ui', 'local']) expect(all.filter((f) => areaOf(f) === area).length).toBeGreaterThan(5);
  });

  it('holds in every module', () => {
    expect(all.flatMap((p) => breaches(p, readFileSync(p, 'utf8')))).toEqual([]);
  });

  it('would catch each kind of breach (the check itself works)', () => {
    const at = (rel: string) => join(ROOT, rel);
    const core = at('src/core/customers/x.ts');
    expect(breaches(core, "import { openWorkbook } from '../../server/records';")).toHaveLength(1);
    expect(breaches(core, "import type { Tab } from '../../server/records';")).toHaveLength(1);
    expect(breaches(core, "type E = typeof import('../../server/entry');")).toHaveLength(1);
    expect(breaches(core, "export { h } from '../../ui/shared/dom';")).toHaveLength(1);
    expect(breaches(core, "import { ok } from '../text';\nimport { x } from './y';")).toEqual([]);

    const page = at('src/ui/customer/main.ts');
    expect(breaches(page, "import { saveCustomer } from '../../server/customers';")).toHaveLength(1);
    expect(breaches(page, "import { type CustomerRef } from '../../server/customers';")).toHaveLength(1);
    expect(breaches(page, "import type { CustomerRef } from '../../server/customers';\nimport { t } from '../../core/i18n';")).toEqual([]);

    const server = at('src/server/customers.ts');
    expect(breaches(server, "import { createLocalRuntime } from '../local';")).toHaveLength(1);
    expect(breaches(server, "const r = require('../local/runtime/rpc');")).toHaveLength(1);
    expect(breaches(server, "const h = await import('../../test/unit/bilingual-helpers');")).toHaveLength(1);
    expect(breaches(at('src/local/index.ts'), "import type { EntryPoints } from '../server/callable';")).toEqual([]);
  });
});
