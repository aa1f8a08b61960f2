/**
 * The cross-filing rule's corpus for an imported filing: the places of the compared keys among the
 * indicators already in the engine (the bundled ones, and earlier imports). Each row is what
 * `corpusRows` takes from a parsed indicator, read back from the indicators table.
 */
import { corpusPlaces, type CorpusRow, type Places } from '../quality';
import { isSatisfaction } from '../quality/classify';

/** An indicator row's compared fields, as `comparedRows` (src/lib/db/imports.ts) selects them. */
export interface ComparedRow {
  /** The county, or the filing itself when it names none (as `corpusRows` says it). */
  place: string;
  level2: string | null;
  level3: string | null;
  level2_canonical: string | null;
  description: string | null;
}

export function placesOf(rows: readonly ComparedRow[]): Places {
  const corpus = rows.map(
    (r): CorpusRow => ({
      filing: '', project: 0, indicator: 0, line: 0, place: r.place, level2: r.level2, level3: r.level3,
      satisfaction: isSatisfaction({ level2: r.level2, level2Canonical: r.level2_canonical, level3: r.level3, description: r.description }),
    }),
  );
  return corpusPlaces(corpus);
}
