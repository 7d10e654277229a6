/**
 * Size limits of an eligibility rule tree, checked without recursion: a rule arrives as JSON from
 * an officer, and a tree nested 20,000 deep would overflow the stack of any recursive validator or
 * evaluator (and DynamoDB stores at most 32 levels).
 */
export const RULE_LIMITS = { maxDepth: 8, maxNodes: 64 } as const;

/**
 * The first way `input` breaks RULE_LIMITS, in Chinese, or null. Counts rule nodes (all / any /
 * not / leaf objects) iteratively and stops at the first excess; anything that is not a rule's
 * shape is left for the schema to refuse.
 */
export const ruleBoundsProblem = (input: unknown, limits: { maxDepth: number; maxNodes: number } = RULE_LIMITS): string | null => {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: input, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
    nodes += 1;
    if (nodes > limits.maxNodes) return `最多 ${limits.maxNodes} 个条件`;
    if (depth > limits.maxDepth) return `条件最多嵌套 ${limits.maxDepth} 层`;
    const r = node as { all?: unknown; any?: unknown; not?: unknown };
    for (const list of [r.all, r.any]) {
      if (!Array.isArray(list)) continue;
      if (list.length > limits.maxNodes) return `最多 ${limits.maxNodes} 个条件`;
      for (const child of list) stack.push({ node: child, depth: depth + 1 });
    }
    if (r.not !== undefined) stack.push({ node: r.not, depth: depth + 1 });
  }
  return null;
};
