import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { caseVariants, MAX_ANNOTATOR_NAME, selectableAnnotators, type AnnotatorNameProblem } from '../../src/core/annotators';
import { setAnnotator } from '../actions/session';
import { onFilterAnswersChanged, searchWorker } from '../documents/searchClient';
import { useRefreshingQuery } from '../documents/useRefreshingQuery';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { numberFormat } from '../i18n/numbers';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import './annotators.css';

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
  const projectId = useWorkbench((state) => state.projectId);
  const language = useWorkbench((state) => state.language);
  const importing = useWorkbench((state) => state.importPhase === 'running');
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

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.findIndex((button) => button === document.activeElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    event.preventDefault();
    next?.focus();
  };

  const progressKey = `${projectId ?? ''}\u0001${choices.join('\u0001')}`;
  const progress = useRefreshingQuery(
    progressKey,
    open && projectId !== null ? () => searchWorker().progress(projectId, choices) : null,
    onFilterAnswersChanged,
    importing,
  );
  const counts = progress?.key === progressKey ? progress.value : undefined;
  const number = numberFormat(language);

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
        <div id={menuId} className="known-annotators" role="group" aria-label={t('knownAnnotators')} onKeyDown={onMenuKeyDown}>
          {known.length === 0 ? <p className="known-annotators-none">{t('knownAnnotatorsNone')}</p> : null}
          <ul>
            {choices.map((name) => {
              const done = counts?.done[name];
              return (
                <li key={name}>
                  <button
                    type="button"
                    className="known-annotator"
                    aria-current={name === annotator ? 'true' : undefined}
                    onClick={() => {
                      choose(name);
                      closeMenu(true);
                    }}
                  >
                    <span className="known-annotator-name">{name}</span>{' '}
                    <span className="known-annotator-progress">
                      {done === undefined || counts === undefined
                        ? t('knownAnnotatorsCounting')
                        : t('progressDone', { done: number.format(done), total: number.format(counts.total) })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
