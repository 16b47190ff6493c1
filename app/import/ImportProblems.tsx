import type { Problem } from '../../src/formats/problems';
import type { LineProblem } from '../../src/workers/importTypes';
import { problemText } from '../i18n/problems';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/**
 * Why files were refused and lines skipped, in the UI's language. Loaded on demand (the wording
 * of every problem in two languages is not needed until an import has one).
 */

export function ImportFailures({ errors }: { errors: readonly Problem[] }) {
  const language = useWorkbench((state) => state.language);
  return (
    <div role="alert" className="import-alert">
      {errors.map((problem, i) => (
        <p key={i}>{problemText(problem, language)}</p>
      ))}
    </div>
  );
}

export function SkippedLines({ problems }: { problems: readonly LineProblem[] }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  return (
    <ul className="problem-list" aria-label={t('showSkipped')}>
      {problems.slice(0, 500).map((problem, i) => (
        <li key={`${problem.fileName}:${problem.line}:${i}`}>
          {t(problem.kept ? 'import.problemKept' : 'problemLine', { file: problem.fileName, line: String(problem.line), reason: problemText(problem.problem, language) })}
        </li>
      ))}
    </ul>
  );
}
