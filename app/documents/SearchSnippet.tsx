import type { Snippet } from '../../src/core/snippet';

/** One search hit in its context, the hit marked: the second line of a Documents entry while searching. */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <span className="document-entry-snippet">
      {snippet.cutStart ? '…' : ''}
      {snippet.before}
      <mark>{snippet.hit}</mark>
      {snippet.after}
      {snippet.cutEnd ? '…' : ''}
    </span>
  );
}
