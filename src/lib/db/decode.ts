/**
 * Result rows decoded through a declared shape: each query says the columns it returns and of what kind
 * (`'text'`, `'int'`, …; `'text?'` may be null), its row type is derived from that declaration, and the
 * rows are checked against it, so a renamed or retyped column fails with its name instead of flowing on
 * as `undefined` or as the wrong type.
 */
import type { ColumnName, TableName } from '../tables/schema';
import type { Row, Value } from './values';

interface KindOf {
  text: string;
  int: number;
  double: number;
  bool: boolean;
  /** Exact money in fen (values.ts keeps `_fen` BIGINTs as bigint). */
  fen: bigint;
}
type Kind = keyof KindOf;
export type Shape = Readonly<Record<string, Kind | `${Kind}?`>>;

/** The row type a shape declares. */
export type RowOf<S extends Shape> = {
  -readonly [K in keyof S]: S[K] extends `${infer B extends Kind}?` ? KindOf[B] | null : S[K] extends Kind ? KindOf[S[K]] : never;
};

const IS: Record<Kind, (v: Value) => boolean> = {
  text: (v) => typeof v === 'string',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  double: (v) => typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  fen: (v) => typeof v === 'bigint',
};

/** `rows` as the shape's rows, or an error naming the first column that is missing or of another kind. */
export function decode<S extends Shape>(shape: S, rows: Row[]): RowOf<S>[] {
  const checks = Object.entries(shape).map(([name, k]) => {
    const nullable = k.endsWith('?');
    return { name, kind: k, nullable, is: IS[(nullable ? k.slice(0, -1) : k) as Kind] };
  });
  for (const row of rows) {
    for (const c of checks) {
      const v = row[c.name];
      if (v === undefined) throw new Error(`column ${c.name}: missing from the result (expected ${c.kind})`);
      if (v === null ? !c.nullable : !c.is(v)) throw new Error(`column ${c.name}: expected ${c.kind}, got ${v === null ? 'null' : typeof v}`);
    }
  }
  return rows as RowOf<S>[];
}

/**
 * A shape of table `T`'s own columns (and `…_fen` amounts made from them): a name the schema does not
 * have is a compile error here, so renaming a column breaks the queries that read it.
 */
export const ofTable =
  <T extends TableName>(_table: T) =>
  <S extends Shape>(shape: S & Record<Exclude<keyof S, ColumnName<T> | `${string}_fen`>, never>): S =>
    shape;

/** Columns `names`, all of one kind. */
export const each = <N extends string, K extends Kind | `${Kind}?`>(names: readonly N[], kind: K) =>
  Object.fromEntries(names.map((n) => [n, kind])) as Record<N, K>;

/** The shape's columns as a select list (the shape is the query's columns, not a second list beside them). */
export const columnsOf = (shape: Shape, alias?: string) => Object.keys(shape).map((k) => (alias ? `${alias}.${k}` : k)).join(', ');
