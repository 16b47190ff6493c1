import type { AnnotationRowV5 } from './v5';

/**
 * Version 7: annotation rows gain `revision`, bumped by every write of the layer (which of two
 * reads is newer is no longer decided by clocks). Version 6 only dropped tables, so version 5's
 * shapes are the ones version 7 reads.
 */
export type AnnotationRowV7 = AnnotationRowV5 & { revision: number };
