import type { PageLayersRowV5 } from './v5';

/**
 * Version 10 lets a `pageLayers` row leave span ids out: a span stored with an id of length 0
 * has the id its `spanIdBase` derives for its place (the base UUID with `slot × 2³² + index`
 * added to its last 48 bits). No upgrade: rows without a base store every id, as before.
 */
export type PageLayersRowV10 = PageLayersRowV5 & { spanIdBase?: string };
