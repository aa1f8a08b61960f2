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

/**
 * `rows` as the shape's rows, or an error naming the first column that is missing, of another kind, or
 * null where the shape says it may not be. A result column has one SQL type, so its kind is checked on
 * its first value that is not null; nulls on every row.
 */
export function decode<S extends Shape>(shape: S, rows: Row[]): RowOf<S>[] {
  if (rows.length === 0) return [];
  for (const [name, k] of Object.entries(shape)) {
    if (!(name in rows[0])) throw new Error(`column ${name}: missing from the result (expected ${k})`);
    const nullable = k.endsWith('?');
    const is = IS[(nullable ? k.slice(0, -1) : k) as Kind];
    let first: Value = null;
    for (const row of rows) {
      const v = row[name];
      if (v !== null) first ??= v;
      else if (!nullable) throw new Error(`column ${name}: expected ${k}, got null`);
    }
    if (first !== null && !is(first)) throw new Error(`column ${name}: expected ${k}, got ${typeof first}`);
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
