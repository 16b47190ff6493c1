/**
 * Maximum bipartite matching by augmenting paths (Kuhn's algorithm), O(V·E). Span graphs of one
 * document and one label are small and sparse, so this simple exact method is enough; a greedy
 * matching is not, since it can miss matches that a reassignment would free.
 */

/**
 * @param leftCount vertices 0 … leftCount−1 on the left
 * @param edges `edges[i]` = right vertices adjacent to left vertex i, tried in that order
 * @returns for each left vertex, its matched right vertex or −1
 */
export function maximumMatching(leftCount: number, edges: readonly (readonly number[])[]): number[] {
  const matchOfRight = new Map<number, number>();
  const matchOfLeft = new Array<number>(leftCount).fill(-1);

  const augment = (left: number, visited: Set<number>): boolean => {
    for (const right of edges[left] ?? []) {
      if (visited.has(right)) continue;
      visited.add(right);
      const owner = matchOfRight.get(right);
      if (owner === undefined || augment(owner, visited)) {
        matchOfRight.set(right, left);
        matchOfLeft[left] = right;
        return true;
      }
    }
    return false;
  };

  for (let left = 0; left < leftCount; left++) augment(left, new Set());
  return matchOfLeft;
}

export function matchingSize(matchOfLeft: readonly number[]): number {
  return matchOfLeft.filter((right) => right !== -1).length;
}
