/**
 * What the ingest says when the system refuses it something: a plain sentence and a way out, never a stack.
 * `Stop` is a failure already said plainly; `osFound` / `osFailure` turn a file-system error code into words.
 */
export class Stop extends Error {
  constructor(message: string, readonly status: 1 | 2 = 2) {
    super(message);
  }
}

/** What reading a path found instead of a file, by error code. */
const FOUND: Record<string, string> = {
  ENOENT: 'nothing: it was deleted or moved while the ingest ran',
  ELOOP: 'a symbolic link loop',
  EACCES: 'no permission to read it',
  EPERM: 'no permission to read it',
  EISDIR: 'a folder',
  ENAMETOOLONG: 'a path too long to open',
  EIO: 'a read error of the disk (EIO)',
};

/** Why a write failed and what to do, by error code. */
const WRITE: Record<string, [what: string, advice: string]> = {
  ENOSPC: ['the disk is full', 'free some space (a run needs room for its new output beside the old one) and run it again'],
  EDQUOT: ['the disk quota is used up', 'free some space or raise the quota, and run it again'],
  EROFS: ['the file system is read-only', 'choose an --out folder on a writable disk'],
  EACCES: ['permission denied', 'choose an --out folder you can write, or change its permissions'],
  EPERM: ['permission denied', 'choose an --out folder you can write, or change its permissions'],
  EMFILE: ['too many files are open', 'raise the limit (ulimit -n) or run with fewer --jobs'],
  ENFILE: ['too many files are open on this machine', 'close other programs or run with fewer --jobs'],
  EIO: ['the disk reported a write error (EIO)', 'check the disk and run it again'],
};

export const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** A reading failure in words (`found …`), or null when it is not a file-system error. */
export function osFound(e: unknown): string | null {
  const code = codeOf(e);
  return code ? (FOUND[code] ?? null) : null;
}

/** A writing failure as one line, or null when it is not one the user can fix. */
export function osFailure(e: unknown, doing: string): string | null {
  const code = codeOf(e);
  const known = code ? WRITE[code] : undefined;
  if (!known) return null;
  const path = (e as NodeJS.ErrnoException).path;
  return `${doing}: ${known[0]} (${code}${path ? `, ${path}` : ''}); ${known[1]}`;
}
