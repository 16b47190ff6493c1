import { Suspense, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { caseVariants, MAX_ANNOTATOR_NAME, selectableAnnotators, type AnnotatorNameProblem } from '../../src/core/annotators';
import { setAnnotator } from '../actions/session';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import './annotators.css';
import { onDemand } from './onDemand';

// The list, with its done counts, loads when first opened: it is not needed to annotate.
const KnownAnnotatorsMenu = onDemand(async () => (await import('./KnownAnnotatorsMenu')).default);

const PROBLEM_KEY = { empty: 'annotatorEmpty', reserved: 'annotatorReserved', tooLong: 'annotatorTooLong' } as const satisfies Record<AnnotatorNameProblem, string>;

/**
 * The Annotator text field (CONTRACT.md), with the project's known annotators. A name is taken on
 * Enter or when the field loses focus, never per keystroke, so a half-typed name never becomes a
 * layer; it is normalised, and a blank name or `gold` is refused with the reason beside the field
 * (the current name stays). A name that differs from a known one only in case offers the known one.
 * The list of known annotators counts each one's documents done in the search worker, only while
 * it is open.
 */
export function AnnotatorField() {
  const t = useT();
  const annotator = useWorkbench((state) => state.annotator);
  const known = useKnownAnnotators();
  /** What is typed and not yet taken; null: the field shows the current name. */
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<AnnotatorNameProblem | null>(null);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const messageId = useId();
  const menuId = useId();

  const shown = draft ?? annotator;
  const offer = useMemo(() => caseVariants(shown, known)[0], [shown, known]);
  const choices = useMemo(() => {
    const names = selectableAnnotators(known);
    return names.includes(annotator) ? names : [...names, annotator].sort();
  }, [known, annotator]);

  const commit = () => {
    if (draft === null) return;
    const check = setAnnotator(draft);
    if (check.ok) {
      setDraft(null);
      setProblem(null);
    } else setProblem(check.problem);
  };

  const choose = (name: string) => {
    const check = setAnnotator(name);
    setDraft(check.ok ? null : name);
    setProblem(check.ok ? null : check.problem);
  };

  const revert = () => {
    setDraft(null);
    setProblem(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && (draft !== null || problem !== null)) {
      event.preventDefault();
      event.stopPropagation();
      revert();
    } else if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setOpen(true);
    }
  };

  const closeMenu = (focusField: boolean) => {
    setOpen(false);
    if (focusField) input.current?.focus();
  };

  // The list closes when a click or the focus goes elsewhere.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onRootBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !(event.relatedTarget instanceof Node && root.current?.contains(event.relatedTarget))) setOpen(false);
  };

  // Escape closes the list from anywhere in the control (the toggle included); the field's own
  // Escape, reverting a draft, comes first.
  const onRootKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (open && event.key === 'ArrowDown' && event.target === toggle.current) {
      event.preventDefault();
      document.getElementById(menuId)?.querySelector('button')?.focus();
      return;
    }
    if (event.key !== 'Escape' || !open || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="annotator-control" ref={root} onBlur={onRootBlur} onKeyDown={onRootKeyDown}>
      <label className="annotator-field">
        <span className="annotator-caption">{t('annotator')}</span>
        <input
          ref={input}
          type="text"
          value={shown}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={commit}
          title={t('annotator')}
          aria-invalid={problem === null ? undefined : true}
          aria-describedby={problem === null ? undefined : messageId}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <button
        ref={toggle}
        type="button"
        className="known-annotators-toggle"
        aria-label={t('knownAnnotators')}
        title={t('knownAnnotators')}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((current) => !current)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {offer === undefined ? null : (
        <button type="button" className="annotator-offer" title={t('annotatorUseKnownHint', { name: offer })} onClick={() => choose(offer)}>
          {t('annotatorUseKnown', { name: offer })}
        </button>
      )}
      {/* Always there, empty without a problem: a live region must exist before it speaks. */}
      <p id={messageId} className="annotator-problem" aria-live="polite">
        {problem === null ? null : t(PROBLEM_KEY[problem], { current: annotator, max: MAX_ANNOTATOR_NAME })}
      </p>
      {open ? (
        <Suspense fallback={null}>
          <KnownAnnotatorsMenu
            id={menuId}
            names={choices}
            anyKnown={known.length > 0}
            current={annotator}
            onChoose={(name) => {
              choose(name);
              closeMenu(true);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
