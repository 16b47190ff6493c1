import { useWorkbench } from '../store';
import type { NoticeKind } from '../store/editorSlice';

export function showNotice(kind: NoticeKind, message: string): void {
  useWorkbench.setState({ notice: { kind, message, at: Date.now() } });
}

