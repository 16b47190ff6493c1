import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { DocumentStatus } from '../../src/core/types';
import type { DocumentRow } from '../../src/db';
import { cancelEmptyDone, markDoneAndContinue, openAdjacentDocument, openNextNotDone, saveNote, skipAndContinue, toggleDone, unskip } from '../actions/session';
import { useOpenAnnotation } from '../hooks/openAnnotation';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { DocumentPosition } from './DocumentPosition';
import { documentTextElement } from './selectionTracker';
import './flow.css';

/** Back to the text once a confirmation or the note is dealt with, so the keys work again. */
function focusText(): void {
  documentTextElement()?.focus();
}

/** Enter on a document without spans: asks before marking it done (the question takes the focus). */
function EmptyDoneQuestion() {
  const t = useT();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const cancel = () => {
    cancelEmptyDone();
    focusText();
  };
  return (
    <div className="flow-bar" role="group" aria-labelledby="empty-done-question" onKeyDown={(event) => event.key === 'Escape' && cancel()}>
      <p id="empty-done-question">{t('flow.emptyDoneQuestion')}</p>
      <button ref={confirmRef} type="button" className="primary" onClick={() => void markDoneAndContinue(true).then(focusText)}>
        {t('flow.emptyDoneConfirm')}
      </button>
      <button type="button" onClick={cancel}>
        {t('flow.emptyDoneCancel')}
      </button>
    </div>
  );
}

/** The annotator's note on the document: a flag with a comment, undoable, exported in `meta`. */
function NoteEditor({ note, close }: { note: string; close: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState(note);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => fieldRef.current?.focus(), []);
  const finish = (value: string | null) => {
    if (value !== null) void saveNote(value);
    close();
    focusText();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    finish(draft);
  };
  return (
    <form className="flow-bar" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && finish(null)}>
      <textarea
        ref={fieldRef}
        aria-label={t('flow.noteField')}
        placeholder={t('flow.notePlaceholder')}
        value={draft}
        rows={2}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="primary">
        {t('flow.saveNote')}
      </button>
      {note !== '' ? (
        <button type="button" onClick={() => finish('')}>
          {t('flow.removeNote')}
        </button>
      ) : null}
      <button type="button" onClick={() => finish(null)}>
        {t('cancel')}
      </button>
    </form>
  );
}

export function DocumentHeader({ document, status }: { document: DocumentRow; status: DocumentStatus }) {
  const t = useT();
  const done = status === 'done';
  const skipped = status === 'skipped';
  const note = useOpenAnnotation()?.row?.note ?? '';
  const confirming = useWorkbench((state) => state.confirmingEmptyDone);
  // The note editor belongs to the document it was opened on; another document starts closed.
  const [editingFor, setEditingFor] = useState<string | null>(null);
  const editingNote = editingFor === document.id;
  const setEditingNote = (open: boolean) => setEditingFor(open ? document.id : null);
  return (
    <>
      <header className="document-header">
        <div className="document-nav">
          <button type="button" onClick={() => openAdjacentDocument(-1)} aria-label={t('previousDocument')} title={`${t('previousDocument')} (Alt+↑)`}>
            ‹
          </button>
          <button type="button" onClick={() => openAdjacentDocument(1)} aria-label={t('nextDocument')} title={`${t('nextDocument')} (Alt+↓)`}>
            ›
          </button>
          <button type="button" onClick={openNextNotDone}>
            {t('nextNotDone')}
          </button>
        </div>
        <DocumentPosition documentId={document.id} />
        <h1 className="document-title" title={document.title}>
          {document.title}
        </h1>
        <span className={`status-badge status-${status}`}>{t(`status_${status}`)}</span>
        <button type="button" aria-expanded={editingNote} onClick={() => setEditingNote(!editingNote)}>
          {note === '' ? t('flow.note') : t('flow.editNote')}
        </button>
        <button type="button" onClick={() => void (skipped ? unskip() : skipAndContinue())}>
          {skipped ? t('flow.unskip') : t('flow.skip')}
        </button>
        <button type="button" className={done ? '' : 'primary'} onClick={() => toggleDone(!done)}>
          {done ? t('markNotDone') : t('markDone')}
        </button>
      </header>
      {confirming ? <EmptyDoneQuestion /> : null}
      {editingNote ? <NoteEditor key={document.id} note={note} close={() => setEditingNote(false)} /> : null}
      {!editingNote && note !== '' ? (
        <p className="flow-note">
          <span aria-hidden="true">⚑ </span>
          {t('flow.noted', { note })}
        </p>
      ) : null}
    </>
  );
}
