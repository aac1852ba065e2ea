/**
 * The tables `BENCH_TABLES` asks for (all of `known` when unset). An unknown name exits at once
 * with the known ones: a typo should cost a second, not a model load.
 */
export function benchTables(known: readonly string[]): Set<string> {
  const tables = new Set((process.env.BENCH_TABLES ?? known.join(",")).split(","));
  const unknown = [...tables].filter((table) => !known.includes(table));
  if (unknown.length > 0) {
    console.error(`error: BENCH_TABLES names unknown ${unknown.join(", ")}; known: ${known.join(", ")}`);
    process.exit(2);
  }
  return tables;
}
