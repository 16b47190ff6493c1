import type { LabelProblem } from '../../src/core/labelSet';
import type { MessageKey } from '../i18n';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A key as a person reads it: the space bar has no visible character. */
function keyName(hotkey: string): string {
  return hotkey === ' ' ? 'Space' : hotkey;
}

/** What the Labels dialog says when a label-set change is refused. */
export function problemMessage(problem: LabelProblem, t: Translate): string {
  switch (problem.kind) {
    case 'name-empty':
      return t('labels.errorNameEmpty');
    case 'name-spaces':
      return t('labels.errorNameSpaces', { name: problem.name });
    case 'name-outside-tag':
      return t('labels.errorNameOutsideTag', { name: problem.name });
    case 'name-tag-prefix':
      return t('labels.errorNameTagPrefix', { name: problem.name, prefix: problem.prefix });
    case 'name-too-long':
      return t('labels.errorNameTooLong', { max: problem.max });
    case 'name-taken':
      return t('labels.errorNameTaken', { name: problem.name });
    case 'unknown-label':
      return t('labels.errorUnknown', { name: problem.name });
    case 'hotkey-not-single':
      // hotkeyProblem reports the space bar as "not a single key"; to the user it is a reserved key.
      return problem.hotkey.trim() === '' && problem.hotkey.length === 1
        ? t('labels.errorHotkeyReserved', { hotkey: keyName(problem.hotkey) })
        : t('labels.errorHotkeySingle', { hotkey: problem.hotkey });
    case 'hotkey-reserved':
      return t('labels.errorHotkeyReserved', { hotkey: keyName(problem.hotkey) });
    case 'hotkey-taken':
      return t('labels.errorHotkeyTaken', { hotkey: problem.hotkey, owner: problem.owner });
    case 'color-invalid':
      return t('labels.errorColourInvalid', { color: problem.color });
    case 'relabel-target':
      return t('labels.errorRelabelTarget');
  }
}
