/**
 * The cross-filing rules' corpus for an imported filing: the places of the compared keys among the
 * indicators already in the engine (the bundled ones, and earlier imports). Each row is what
 * `corpusRows` takes from a parsed indicator, read back from the indicators table.
 */
import { corpusPlaces, type CorpusRow, type Places } from '../quality';
import { isSatisfaction } from '../quality/classify';
import { peerOf } from '../quality/peers';

/** An indicator row's compared fields, as `comparedRows` (src/lib/db/imports.ts) selects them. */
export interface ComparedRow {
  /** The county, or the filing itself when it names none (as `corpusRows` says it). */
  place: string;
  level2: string | null;
  level3: string | null;
  level2_canonical: string | null;
  description: string | null;
  /** The filing's year and body, the target (as written and parsed): what the peer and yearly rules compare. */
  year: number | null;
  department: string | null;
  target_raw: string | null;
  target_op: string | null;
  target_value: number | null;
  target_unit: string | null;
  target_fen: bigint | null;
}

export function placesOf(rows: readonly ComparedRow[]): Places {
  const corpus = rows.map(
    (r): CorpusRow => {
      const peer = peerOf({ level3: r.level3, op: r.target_op, value: r.target_value, unit: r.target_unit, fen: r.target_fen });
      return {
        filing: '', project: 0, indicator: 0, line: 0, place: r.place, level2: r.level2, level3: r.level3,
        satisfaction: isSatisfaction({ level2: r.level2, level2Canonical: r.level2_canonical, level3: r.level3, description: r.description }),
        year: r.year, department: r.department, target: r.target_raw, peer: peer?.key ?? null, value: peer?.value ?? null,
      };
    },
  );
  return corpusPlaces(corpus);
}
