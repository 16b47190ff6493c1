import { useCallback, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { readableTextColor } from '../../src/core/color';
import type { LabelProblem } from '../../src/core/labelSet';
import type { LabelDef } from '../../src/core/types';
import { moveLabel, updateLabel } from '../actions/labels';
import { useT } from '../i18n/useT';

interface LabelRowProps {
  label: LabelDef;
  index: number;
  total: number;
  onProblem: (problem: LabelProblem | null) => void;
  /** Resolves to true when the new name was refused, so the field keeps what was typed. */
  onRename: (from: string, to: string) => Promise<boolean>;
  onDelete: (name: string) => void;
}

function isModified(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

/** One label of the Labels dialog: name, colour and hotkey fields, move and delete buttons. */
export function LabelRow({ label, index, total, onProblem, onRename, onDelete }: LabelRowProps) {
  const t = useT();
  const name = label.name;
  // Drafts exist only while editing; otherwise the fields show the stored label.
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [colourDraft, setColourDraft] = useState<string | null>(null);
  const [hotkeyDraft, setHotkeyDraft] = useState<string | null>(null);
  const colour = colourDraft ?? label.color;

  const commitName = async () => {
    if (nameDraft === null) return;
    const keep = await onRename(name, nameDraft);
    if (!keep) setNameDraft(null);
  };

  const commitHotkey = async (hotkey: string) => {
    setHotkeyDraft(null);
    if (hotkey.toLowerCase() === label.hotkey) return;
    onProblem(await updateLabel(name, { hotkey }));
  };

  const onHotkeyKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isModified(event)) return;
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      void commitHotkey('');
    } else if (event.key === 'Enter' && hotkeyDraft !== null) {
      event.preventDefault();
      void commitHotkey(hotkeyDraft);
    } else if (event.key === 'Escape' && hotkeyDraft !== null) {
      event.preventDefault();
      setHotkeyDraft(null);
    } else if (Array.from(event.key).length === 1) {
      // The field records the key pressed rather than editing text: one key is the whole value.
      event.preventDefault();
      void commitHotkey(event.key);
    }
  };

  const onHotkeyInput = (value: string) => {
    // Pasted or composed text: a single character is complete; more is refused on commit.
    if (Array.from(value).length <= 1) void commitHotkey(value);
    else setHotkeyDraft(value);
  };

  // The colour picker fires `input` while the user drags (a live preview) and `change` once the
  // choice is made; only that is written, so one pick is one undo step.
  const colourInput = useCallback(
    (input: HTMLInputElement | null) => {
      if (!input) return;
      const onChange = () => {
        void updateLabel(name, { color: input.value }).then((problem) => {
          setColourDraft(null);
          onProblem(problem);
        });
      };
      input.addEventListener('change', onChange);
      return () => input.removeEventListener('change', onChange);
    },
    [name, onProblem],
  );

  const move = async (toIndex: number) => onProblem(await moveLabel(name, toIndex));

  return (
    <div className="label-row">
      <span
        className="label-chip"
        aria-hidden="true"
        style={{ '--label-bg': colour, '--label-fg': readableTextColor(colour) } as CSSProperties}
      >
        {label.hotkey || '·'}
      </span>
      <input
        type="text"
        className="label-name-field"
        aria-label={t('labels.nameOf', { label: name })}
        value={nameDraft ?? name}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setNameDraft(event.target.value)}
        onBlur={() => void commitName()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commitName();
          } else if (event.key === 'Escape' && nameDraft !== null) {
            event.preventDefault();
            setNameDraft(null);
          }
        }}
      />
      <input
        ref={colourInput}
        type="color"
        className="label-colour-field"
        aria-label={t('labels.colourOf', { label: name })}
        value={colour}
        onChange={(event) => setColourDraft(event.target.value)}
      />
      <input
        type="text"
        className="label-hotkey-field"
        aria-label={t('labels.hotkeyOf', { label: name })}
        title={t('labels.hotkeyHint')}
        placeholder={t('labels.noHotkey')}
        value={hotkeyDraft ?? label.hotkey}
        spellCheck={false}
        autoComplete="off"
        onKeyDown={onHotkeyKeyDown}
        onChange={(event) => onHotkeyInput(event.target.value)}
        onBlur={() => {
          if (hotkeyDraft !== null) void commitHotkey(hotkeyDraft);
        }}
      />
      <button type="button" className="icon-button" aria-label={t('labels.moveUp', { label: name })} title={t('labels.moveUp', { label: name })} disabled={index === 0} onClick={() => void move(index - 1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={t('labels.moveDown', { label: name })} title={t('labels.moveDown', { label: name })} disabled={index === total - 1} onClick={() => void move(index + 1)}>
        ↓
      </button>
      <button type="button" className="icon-button label-delete" aria-label={t('labels.delete', { label: name })} title={t('labels.delete', { label: name })} onClick={() => onDelete(name)}>
        ×
      </button>
    </div>
  );
}
