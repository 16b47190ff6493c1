import type { TextSelection } from '../../src/core/caret';

/**
 * Maps between DOM selection points and text offsets. Every element the editor renders inside
 * Document text carries `data-o`, the UTF-16 offset where its text starts, so a point inside a text
 * node maps in O(1); label tags are CSS pseudo-elements and add no text.
 */

function startOf(element: Element): number | null {
  const value = (element as HTMLElement).dataset.o;
  return value === undefined ? null : Number(value);
}

function firstOffsetIn(node: Node, root: HTMLElement): number | null {
  if (node instanceof Element) {
    const own = startOf(node);
    if (own !== null) return own;
    const marked = node.querySelector('[data-o]');
    if (marked) return startOf(marked);
    return null;
  }
  return node.parentElement && node.parentElement !== root ? firstOffsetIn(node.parentElement, root) : null;
}

export function domPointToOffset(root: HTMLElement, node: Node, offset: number, textLength: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const base = node.parentElement ? startOf(node.parentElement) : null;
    return base === null ? null : base + offset;
  }
  const child = node.childNodes[offset];
  if (child) return firstOffsetIn(child, root);
  // Past the last child: the end of this element's text.
  if (node === root) return textLength;
  const base = node instanceof Element ? startOf(node) : null;
  return base === null ? null : base + (node.textContent?.length ?? 0);
}


export function readSelection(root: HTMLElement, textLength: number): TextSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return null;
  const anchor = domPointToOffset(root, selection.anchorNode, selection.anchorOffset, textLength);
  const focus = domPointToOffset(root, selection.focusNode, selection.focusOffset, textLength);
  return anchor === null || focus === null ? null : { anchor, focus };
}

/** The last child of `parent` whose text starts at or before `offset` (children carry `data-o`, in order). */
function childHolding(parent: Element, offset: number): Element | undefined {
  const children = parent.children;
  let lo = 0;
  let hi = children.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const child = children[mid];
    if (child && (startOf(child) ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return children[lo];
}

/** The text node and local offset that hold `offset` (found by bisecting the marked elements). */
export function offsetToDomPoint(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  // Document text holds groups of blocks (`BlockGroup`), each group its blocks.
  const group = childHolding(root, offset);
  const block = group && childHolding(group, offset);
  if (!block) return null;
  // A block not yet decorated holds its text itself; a decorated one, in its segments.
  let target: Element = block;
  for (const segment of block.children) {
    const start = startOf(segment);
    if (start === null || start > offset) break;
    target = segment;
  }
  const textNode = target.firstChild;
  if (!textNode || textNode.nodeType !== Node.TEXT_NODE) return { node: block, offset: 0 };
  const local = offset - (startOf(target) ?? 0);
  return { node: textNode, offset: Math.min(local, textNode.textContent?.length ?? 0) };
}

export function writeSelection(root: HTMLElement, selection: TextSelection): void {
  const anchor = offsetToDomPoint(root, selection.anchor);
  const focus = offsetToDomPoint(root, selection.focus);
  if (!anchor || !focus) return;
  document.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}
