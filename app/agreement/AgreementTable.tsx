import type { ReactNode } from 'react';

interface Props {
  /** Prefix of the heading's id (`<id>-heading`). */
  id: string;
  /** The heading, which also names the table for screen readers. */
  title: string;
  /** A line under the heading that says how to read the table. */
  note?: ReactNode;
  /** Controls between the note and the table (the Metric select). */
  controls?: ReactNode;
  /** Said instead of the table when there is nothing to show. */
  empty?: ReactNode;
  className?: string;
  /** The table's head and body. */
  children: ReactNode;
}

/** One table of the Agreement view under its heading, scrolling sideways on its own in a narrow window. */
export function AgreementTable({ id, title, note, controls, empty, className, children }: Props) {
  return (
    <section className="agreement-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {empty !== undefined ? (
        <p className="note">{empty}</p>
      ) : (
        <>
          {note !== undefined ? <p className="note">{note}</p> : null}
          {controls}
          <div className="table-scroll">
            <table className={className ? `agreement-table ${className}` : 'agreement-table'} aria-label={title}>
              {children}
            </table>
          </div>
        </>
      )}
    </section>
  );
}
