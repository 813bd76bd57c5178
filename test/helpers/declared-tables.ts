import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const TABLES_FILE = fileURLToPath(new URL('../../src/db/tables.ts', import.meta.url));

/** A column as the code declares it: whether reading it can give null. */
export type DeclaredColumn = { nullable: boolean };

/**
 * The tables and columns `src/db/tables.ts` declares in its `Tables` type, read with the TypeScript
 * compiler (the same resolution the typecheck does). A column's type is what a select gives: the first
 * argument of a `ColumnType`, or the type itself.
 */
export function declaredTables(): Map<string, Map<string, DeclaredColumn>> {
  const program = ts.createProgram([TABLES_FILE], {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(TABLES_FILE);
  if (!source) throw new Error(`cannot read ${TABLES_FILE}`);
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'Tables',
  );
  if (!alias) throw new Error('src/db/tables.ts declares no `Tables` type');
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const table of checker.getTypeAtLocation(alias.name).getProperties()) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const type = selectType(checker, checker.getTypeOfSymbol(column));
      columns.set(column.name, { nullable: canBeNull(type) });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

/** Kysely's `ColumnType<S, I, U>` (and `Generated<T>`) is an object whose `__select__` is what a read gives. */
function selectType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const select = type.getProperty('__select__');
  return select ? checker.getTypeOfSymbol(select) : type;
}

function canBeNull(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Null) return true;
  return type.isUnion() && type.types.some((t) => (t.flags & ts.TypeFlags.Null) !== 0);
}
