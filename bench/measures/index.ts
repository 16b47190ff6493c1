import type { Measure } from '../lib/types';
import { agreement10k } from './agreement10k';
import { backup100k } from './backup100k';
import { cliConvert100k } from './cliConvert100k';
import { export100k } from './export100k';
import { hugeDocument } from './hugeDocument';
import { import100k } from './import100k';
import { importCluener } from './importCluener';
import { initialJs } from './initialJs';
import { listFilters } from './listFilters';
import { offlineReload } from './offlineReload';
import { longDocumentMeasure } from './longDocument';
import { reviewMerge } from './reviewMerge';
import { reviewNext } from './reviewNext';
import { storageFloor } from './storageFloor';
import { suggestions100k } from './suggestions100k';

/** Every measure, in the order they run. Adding one: a file in this folder and a line here. */
export const measures: readonly Measure[] = [
  import100k,
  storageFloor,
  importCluener,
  longDocumentMeasure,
  hugeDocument,
  listFilters,
  reviewMerge,
  reviewNext,
  suggestions100k,
  initialJs,
  export100k,
  cliConvert100k,
  backup100k,
  offlineReload,
  agreement10k,
];
