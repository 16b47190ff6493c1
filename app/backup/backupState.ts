import { useSyncExternalStore } from 'react';
import type { RestoreProgress } from '../../src/db';

/**
 * What the backup and restore controls show while they run: transient UI state of one operation
 * at a time, read by the top bar, the storage notice and the status bar. Kept here rather than in
 * a store slice so this feature lands without touching the shared store wiring; it holds no data
 * derived from the workspace.
 */
export type BackupActivity =
  | { kind: 'idle' }
  | { kind: 'backing-up'; done: number; total: number }
  | { kind: 'backed-up'; documents: number }
  | { kind: 'backup-failed'; diskFull: boolean; error: string }
  | { kind: 'restoring'; progress: RestoreProgress | null };

let activity: BackupActivity = { kind: 'idle' };
const listeners = new Set<() => void>();

export function setBackupActivity(next: BackupActivity): void {
  activity = next;
  for (const listener of listeners) listener();
}

export function useBackupActivity(): BackupActivity {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => activity,
  );
}

/** When this browser last made a backup (ISO 8601), kept in localStorage: no schema change. */
const LAST_BACKUP_KEY = 'spanwright:lastBackup';
/** What a restore did, carried across the reload that follows it. */
const RESTORED_KEY = 'spanwright:restored';

export function lastBackupTime(): string | null {
  return localStorage.getItem(LAST_BACKUP_KEY);
}

export function rememberBackupTime(iso: string): void {
  localStorage.setItem(LAST_BACKUP_KEY, iso);
}

export function rememberRestored(documents: number): void {
  sessionStorage.setItem(RESTORED_KEY, String(documents));
}

/** The documents the restore before this page load brought back, once (null when there was none). */
export function takeRestored(): number | null {
  const value = sessionStorage.getItem(RESTORED_KEY);
  sessionStorage.removeItem(RESTORED_KEY);
  return value === null ? null : Number(value);
}
