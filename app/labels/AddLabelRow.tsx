import { useState } from 'react';
import type { LabelProblem } from '../../src/core/labelSet';
import { addLabel } from '../actions/labels';
import { useT } from '../i18n/useT';

/** Adds a label by name; it gets the next palette colour and the first free hotkey. */
export function AddLabelRow({ onProblem }: { onProblem: (problem: LabelProblem | null) => void }) {
  const t = useT();
  const [name, setName] = useState('');

  const add = async () => {
    const problem = await addLabel({ name });
    onProblem(problem);
    if (!problem) setName('');
  };

  return (
    <form
      className="label-add-row"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <input
        type="text"
        aria-label={t('labels.newName')}
        placeholder={t('labels.newName')}
        value={name}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit">{t('labels.add')}</button>
    </form>
  );
}
