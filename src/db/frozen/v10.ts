import type { PageLayersRowV5 } from './v5';

/**
 * Version 10 lets a `pageLayers` row leave span ids out: a span stored with an id of length 0
 * has the id its `spanIdBase` derives for its place (the base UUID with `slot × 2¹⁶ + index`
 * added to its last 24 bits, for the first 2¹⁶ spans of a slot). No upgrade: rows without a base
 * store every id, as before.
 */
export type PageLayersRowV10 = PageLayersRowV5 & { spanIdBase?: string };
