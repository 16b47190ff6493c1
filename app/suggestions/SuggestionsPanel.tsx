import { memo, useDeferredValue } from 'react';
import type { Span } from '../../src/core/types';
import { useProject } from '../hooks/data';
import { useOpenText } from '../hooks/openText';
import { useStoredAnnotation } from '../hooks/openAnnotation';
import { useT } from '../i18n/useT';
import { onDemand } from '../layout/onDemand';
import { Heading } from './SuggestionsHeading';
import { useSuggestionWarmUp } from './useSuggestions';
import './suggestions.css';

/** The list loads with the first open document, out of the initial JavaScript; its heading stands in meanwhile. */
const SuggestionList = onDemand(
  async () => (await import('./SuggestionList')).SuggestionList,
  () => <Heading count={0} />,
);

const NO_SPANS: readonly Span[] = [];
const NONE_REJECTED: readonly string[] = [];

/** The Suggestions region (CONTRACT.md): each suggestion as `label: text`, with Accept and Reject. */
export const SuggestionsPanel = memo(function SuggestionsPanel() {
  const t = useT();
  const project = useProject();
  const opened = useOpenText();
  // The editor paints an edit first; the list follows in a render of its own.
  const annotation = useDeferredValue(useStoredAnnotation());
  const ready = project && opened && annotation && annotation.documentId === opened.documentId;
  useSuggestionWarmUp();
  return (
    <section className="suggestions-panel" aria-label={t('suggestions.title')}>
      {ready ? (
        <SuggestionList
          documentId={opened.documentId}
          text={opened.text}
          spans={annotation.row?.spans ?? NO_SPANS}
          rejected={annotation.row?.rejected ?? NONE_REJECTED}
          labels={project.labels}
        />
      ) : (
        <>
          <Heading count={0} />
          <p className="placeholder">{t('suggestions.noDocument')}</p>
        </>
      )}
    </section>
  );
});
