/**
 * Why a data file or the engine could not be loaded, in terms a user can act on: which file, what was
 * expected, what the server sent. The words for each kind (and what to check) are in src/lib/ui/i18n.ts.
 */
export const FAILURE_KINDS = [
  'http', // the server answered with an error status
  'network', // no answer: offline, blocked by a proxy, the connection cut
  'type', // the wrong Content-Type (a wasm not served as application/wasm)
  'size', // not the bytes the build wrote: cut short, or another file
  'hash',
  'rows',
  'json', // not readable JSON (an HTML error page, a truncated file)
  'unlisted', // a file the build's list does not name: data and list from different builds
  'engine', // the engine's worker or wasm failed to start
  'timeout', // the engine stopped loading
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export class LoadFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** The file, as the site addresses it (`data/parts/130225/2022/indicators.arrow`). */
    readonly file: string,
    readonly expected = '',
    readonly found = '',
  ) {
    super(`${file}: ${kind}${expected ? `, expected ${expected}` : ''}${found ? `, found ${found}` : ''}`);
    this.name = 'LoadFailure';
  }
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
