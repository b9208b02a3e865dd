/**
 * The library's surface is intentional (issue 32, item 4): every name src/index.ts exports, with its
 * kind, is in the snapshot below, so adding, removing or changing one is a visible decision (update
 * with `npx vitest run test/api.test.ts -u`). The names come from TypeScript's own view of the module
 * (types included), and the values from the module as it loads, and the two must agree.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRY = 'src/index.ts';

/** Every export of the entry, as `kind name`, sorted: kinds are class, function, const, enum, interface, type. */
function surface(): string[] {
  const program = ts.createProgram([ENTRY], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY)!)!;
  const F = ts.SymbolFlags;
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const f = (symbol.flags & F.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags;
      const kind =
        f & F.Class
          ? 'class'
          : f & F.Function
            ? 'function'
            : f & F.Variable
              ? 'const'
              : f & F.Enum
                ? 'enum'
                : f & F.Interface
                  ? 'interface'
                  : 'type';
      return `${kind} ${symbol.name}`;
    })
    .sort();
}

describe('the public API (src/index.ts)', () => {
  const names = surface();

  it('exports exactly the names in the snapshot, each of its kind', () => {
    expect(names).toMatchSnapshot();
  });

  it('exports at run time exactly its values (classes, functions, constants), with no `export *`', async () => {
    const runtime = Object.keys(await import('../src/index.js')).sort();
    const values = names
      .filter((n) => /^(class|function|const|enum) /.test(n))
      .map((n) => n.split(' ')[1]!)
      .sort();
    expect(runtime).toEqual(values);
  });

  it('offers every command as a function', () => {
    // audit, validate, init, discover, report, diff, history, merge, platforms
    for (const name of [
      'function auditInventory',
      'function validateInventory',
      'function starterInventory',
      'function inventoryFromWebsite',
      'function discover',
      'function renderReport',
      'function compareReports',
      'function buildHistory',
      'function mergeReports',
      'const PLATFORM_DEFINITIONS',
    ])
      expect(names).toContain(name);
  });
});
