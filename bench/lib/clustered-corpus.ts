/** Seeded PRNG (mulberry32) so every run searches the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

export interface CorpusChunk {
  chunkId: string;
  content: string;
  embedding: number[];
  metadata: Record<string, unknown>;
}

/**
 * Clustered embeddings (real embeddings cluster by topic; uniform random vectors are HNSW's worst
 * case): `clusters` random centres, each chunk a centre plus Gaussian noise, normalised. Each
 * cluster has its own topic words, so keyword search has something to find.
 */
export function clusteredCorpus(count: number, dimension: number, clusters: number, seed = 7) {
  const random = seeded(seed);
  const centres = Array.from({ length: clusters }, () =>
    unit(Array.from({ length: dimension }, () => gaussian(random))),
  );
  const common = Array.from({ length: 400 }, (_, i) => `word${i}`);
  const topics = Array.from({ length: clusters }, (_, c) =>
    Array.from({ length: 12 }, (_, i) => `topic${c}x${i}`),
  );
  const chunks: CorpusChunk[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % clusters;
    const embedding = unit(
      centres[c]!.map((x) => x + ((gaussian(random) * 0.35) / Math.sqrt(dimension)) * 4),
    );
    const words = Array.from({ length: 40 }, () =>
      random() < 0.25
        ? topics[c]![Math.floor(random() * 12)]!
        : common[Math.floor(random() * common.length)]!,
    );
    chunks.push({ chunkId: `c${i}`, content: words.join(" "), embedding, metadata: { cluster: c, n: i } });
  }
  const query = (i: number) => {
    const base = chunks[Math.floor(random() * count)]!;
    const embedding = unit(base.embedding.map((x) => x + (gaussian(random) * 0.2) / Math.sqrt(dimension)));
    const words = base.content
      .split(" ")
      .filter((w) => w.startsWith("topic"))
      .slice(0, 2);
    return { embedding, text: words.join(" ") || base.content.split(" ")[i % 40]! };
  };
  return { chunks, query };
}
