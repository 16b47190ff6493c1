import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** bench/lib → the repository root. */
export const repoRoot = path.resolve(here, '..', '..');
export const benchDir = path.join(repoRoot, 'bench');
export const corporaDir = path.join(benchDir, '.corpora');

/** The shared folder next to the repository (design docs, seed corpus, CLUENER), when present. */
export function findSharedDir(): string | null {
  const shared = path.resolve(repoRoot, '../shared');
  return existsSync(shared) ? shared : null;
}
