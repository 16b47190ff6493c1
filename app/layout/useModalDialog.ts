import { useEffect, useRef, type RefObject } from 'react';

/**
 * A `<dialog>` shown as a modal from its first render: the browser then traps focus, makes the
 * rest of the page inert and names it from its heading, as the dialogs in CONTRACT.md need.
 *
 * Our dialogs close by unmounting, which the browser does not treat as `close()`: focus would fall
 * to the page body, fifteen Tab stops from the text. So the control that had focus when the dialog
 * opened (its opener) is remembered and focused again when the dialog goes.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    // Remembered once: a second run of this effect (React's strict mode) sees focus inside the dialog.
    if (openerRef.current === null && !dialog?.contains(document.activeElement)) openerRef.current = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const opener = openerRef.current;
      // After the commit that removes the dialog: the page is no longer inert by then.
      queueMicrotask(() => {
        if (opener instanceof HTMLElement && opener.isConnected && !dialog?.isConnected) opener.focus({ preventScroll: true });
      });
    };
  }, []);
  return dialogRef;
}
