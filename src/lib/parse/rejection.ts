import type { Rejection } from './model';

/** A rejection as one line: `file[:line]: expected …; found …` (the ingest's stderr, the import's list). */
export const rejectionLine = ({ file, line, expected, found }: Rejection) => `${file}${line ? `:${line}` : ''}: expected ${expected}; found ${found}`;
