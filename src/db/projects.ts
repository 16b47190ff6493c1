import { DEFAULT_LABELS } from '../core/labels';
import { db } from './database';
import type { ProjectRow } from './schema';

export const DEFAULT_PROJECT_NAME = 'Default project';

/** The project the workbench opens on: the oldest one, created with the default labels on first run. */
export async function ensureDefaultProject(): Promise<ProjectRow> {
  return db.transaction('rw', db.projects, async () => {
    const existing = await db.projects.orderBy('id').first();
    if (existing) return existing;
    const now = Date.now();
    const project: ProjectRow = { id: crypto.randomUUID(), name: DEFAULT_PROJECT_NAME, labels: [...DEFAULT_LABELS], createdAt: now, updatedAt: now };
    await db.projects.add(project);
    return project;
  });
}

export async function getProject(projectId: string): Promise<ProjectRow> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error(`No project ${projectId}`);
  return project;
}

