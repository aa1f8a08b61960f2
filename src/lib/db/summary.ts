/**
 * The build-time summary (`data/summary.json`): the overview's queries run once on the unfiltered data, so
 * the first chart is drawn before duckdb-wasm is ready. Same SQL, same rows as the live view.
 */
import { NO_FILTERS } from './scope';
import { choices, counties, sizes, type Choices, type CountyRow, type SizeRow } from './queries';
import type { Run } from './values';

export interface Summary {
  choices: Choices;
  counties: CountyRow[];
  sizes: SizeRow[];
}

export async function summarize(run: Run): Promise<Summary> {
  return { choices: await choices(run), counties: await counties(run, NO_FILTERS), sizes: await sizes(run, NO_FILTERS) };
}

/** JSON with exact money: bigint fen written as strings, read back as bigint (keys ending in `_fen`). */
export const encodeSummary = (s: Summary) =>
  JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export const decodeSummary = (text: string): Summary =>
  JSON.parse(text, (k, v: unknown) => (k.endsWith('_fen') && typeof v === 'string' ? BigInt(v) : v));
