import { Suspense } from 'react';
import { onDemand } from '../layout/onDemand';

// Its chunk failing to load (the server gone) says so in place: never a blank app.
const SourcesDialog = onDemand(async () => (await import('./SourcesDialog')).SourcesDialog);

/** The Suggestion sources dialog, loaded on first use: most sessions never open it. */
export function SuggestionSourcesDialog() {
  return (
    <Suspense fallback={null}>
      <SourcesDialog />
    </Suspense>
  );
}
