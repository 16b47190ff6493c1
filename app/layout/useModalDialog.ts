import { useEffect, useRef, type RefObject } from 'react';

/**
 * A `<dialog>` shown as a modal from its first render: the browser then traps focus, makes the
 * rest of the page inert and names it from its heading, as the dialogs in CONTRACT.md need.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return dialogRef;
}
