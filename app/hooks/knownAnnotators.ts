/**
 * Everyone with a layer in the current project (`gold` included), read by one live subscription
 * shared by every component that shows them: the Documents filter and the Annotator control.
 */
import { useSyncExternalStore } from 'react';
import { watchAnnotators } from '../../src/db';
import { useWorkbench } from '../store';
import { workbenchFollower } from './workbenchFollower';

const NONE: readonly string[] = [];

interface Watched {
  projectId: string;
  names: readonly string[];
  stop: () => void;
}

let watched: Watched | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function follow(): void {
  const { projectId } = useWorkbench.getState();
  if (watched?.projectId === projectId) return;
  watched?.stop();
  watched = null;
  if (projectId !== null) {
    const target: Watched = { projectId, names: NONE, stop: () => undefined };
    watched = target;
    target.stop = watchAnnotators(
      projectId,
      (names) => {
        if (watched !== target) return;
        // The same names again (an edit that added no one) keep the same array: no re-render.
        if (names.length === target.names.length && names.every((name, i) => name === target.names[i])) return;
        target.names = names;
        notify();
      },
      (reason) => console.error('Reading the annotators failed', reason),
    );
  }
  notify();
}

const subscribe = workbenchFollower(
  listeners,
  (state, previous) => state.projectId !== previous.projectId,
  follow,
  () => {
    watched?.stop();
    watched = null;
  },
);

function snapshot(): readonly string[] {
  const { projectId } = useWorkbench.getState();
  return watched !== null && watched.projectId === projectId ? watched.names : NONE;
}

/** The project's annotators, sorted; empty while loading or without a project. */
export function useKnownAnnotators(): readonly string[] {
  return useSyncExternalStore(subscribe, snapshot);
}
