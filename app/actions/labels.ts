import { LabelSetError, type LabelDraft, type LabelPatch, type LabelProblem } from '../../src/core/labelSet';
import { addLabel as addLabelToProject, type Change, deleteLabel as deleteLabelFromProject, type DeleteMode, moveLabel as moveLabelInProject, renameLabel as renameLabelInProject, updateLabel as updateLabelInProject } from '../../src/db';
import { useWorkbench } from '../store';
import { recordChange } from './history';

/**
 * Label-set edits of the current project. Each is written in one transaction and recorded as one
 * undo step. A refused edit resolves to the problem (for the dialog to show), a done one to null.
 */
async function run(operation: (projectId: string) => Promise<Change>): Promise<LabelProblem | null> {
  const { projectId } = useWorkbench.getState();
  if (projectId === null) return null;
  try {
    const change = await operation(projectId);
    recordChange(change);
    // A span the keyboard pointed at may just have been removed or merged away.
    if (change.layers.length > 0) useWorkbench.setState({ focusedSpanId: null });
    return null;
  } catch (error) {
    if (error instanceof LabelSetError) return error.problem;
    throw error;
  }
}

export function openLabelEditor(): void {
  useWorkbench.setState({ dialog: 'labels' });
}

export function closeLabelEditor(): void {
  useWorkbench.setState({ dialog: null });
}

export function addLabel(draft: LabelDraft): Promise<LabelProblem | null> {
  return run((projectId) => addLabelToProject(projectId, draft));
}

export function updateLabel(name: string, patch: LabelPatch): Promise<LabelProblem | null> {
  return run((projectId) => updateLabelInProject(projectId, name, patch));
}

/** Renames a label and its spans; onto an existing name it merges the two. */
export function renameLabel(from: string, to: string): Promise<LabelProblem | null> {
  return run((projectId) => renameLabelInProject(projectId, from, to));
}

export function deleteLabel(name: string, mode: DeleteMode): Promise<LabelProblem | null> {
  return run((projectId) => deleteLabelFromProject(projectId, name, mode));
}

export function moveLabel(name: string, toIndex: number): Promise<LabelProblem | null> {
  return run((projectId) => moveLabelInProject(projectId, name, toIndex));
}
