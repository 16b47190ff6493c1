import { useWorkbench } from '../store';

/** Short feedback on the last editor action (a refused duplicate, an empty selection). */
export function NoticeBar() {
  const notice = useWorkbench((state) => state.notice);
  return (
    <div className="notice-bar" aria-live="polite">
      {notice ? notice.message : ''}
    </div>
  );
}
