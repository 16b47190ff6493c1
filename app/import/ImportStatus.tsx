import { onDemand } from '../layout/onDemand';
import { useWorkbench } from '../store';

// Its code loads with the first import's outcome, out of the initial JavaScript.
const ImportOutcome = onDemand(async () => (await import('./ImportOutcome')).ImportOutcome);

/** Where the outcome of the last import shows, once there is one (`ImportOutcome`). */
export function ImportStatus() {
  const any = useWorkbench((state) => state.importSummary !== null || state.importErrors.length > 0);
  return any ? <ImportOutcome /> : null;
}
