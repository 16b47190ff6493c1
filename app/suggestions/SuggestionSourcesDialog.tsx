import { lazy, Suspense } from 'react';

const SourcesDialog = lazy(async () => ({ default: (await import('./SourcesDialog')).SourcesDialog }));

/** The Suggestion sources dialog, loaded on first use: most sessions never open it. */
export function SuggestionSourcesDialog() {
  return (
    <Suspense fallback={null}>
      <SourcesDialog />
    </Suspense>
  );
}
