import { ChunkReport, isPluginSource, mainFolders } from './chunkSizes';

const npmPackages = (r: ChunkReport) => {
  const byPackage = new Map<string, number>();
  for (const [source, n] of r.bySource) {
    if (source.startsWith('npm:')) {
      byPackage.set(source.slice(4), (byPackage.get(source.slice(4)) ?? 0) + n);
    }
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([p]) => p);
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Prints the plugin's lazy chunks, its share of the initial bundle and the plugin modules copied into several chunks. */
export function printChunks(
  reports: ChunkReport[],
  boundaries: ChunkReport[][],
) {
  const lazy = reports
    .filter(r => !r.initial && r.pluginBytes > 0)
    .sort((a, b) => b.gzip - a.gzip);
  const own = lazy.filter(r => r.pluginBytes / r.bytes > 0.5);
  const initial = reports.filter(r => r.initial && r.pluginBytes > 0);

  console.log(
    'Lazy chunks holding reliability code (gzip -9 of the emitted file):',
  );
  for (const r of lazy) {
    const share = Math.round((100 * r.pluginBytes) / r.bytes);
    console.log(
      `  ${r.file.padEnd(34)} ${kb(r.gzip).padStart(9)}  ${String(
        share,
      ).padStart(3)} % plugin  ${mainFolders(r).join(', ')}`,
    );
  }
  const sum = (rs: ChunkReport[], f: (r: ChunkReport) => number) =>
    rs.reduce((acc, r) => acc + f(r), 0);
  console.log(
    `Lazy: ${lazy.length} chunks with plugin code, ${kb(
      sum(lazy, r => r.gzip),
    )} gzip in all; ` +
      `${own.length} of them mostly (> 50 %) plugin code, ${kb(
        sum(own, r => r.gzip),
      )} gzip.`,
  );
  console.log(
    `Plugin code alone in the lazy chunks: ${kb(
      sum(lazy, r => r.pluginBytes),
    )} raw, ` +
      `${kb(
        sum(lazy, r => r.pluginGzip),
      )} gzip (each chunk's plugin code gzipped on its own).`,
  );
  console.log(
    `Initial bundle: plugin code ${kb(
      sum(initial, r => r.pluginBytes),
    )} raw, ` +
      `${kb(sum(initial, r => r.pluginGzip))} gzip (${initial
        .map(r => r.file)
        .join(', ')}).`,
  );

  console.log('What each lazy boundary downloads (its chunks together, gzip):');
  for (const group of boundaries.sort(
    (a, b) => sum(b, r => r.gzip) - sum(a, r => r.gzip),
  )) {
    const plugin = group.filter(r => r.pluginBytes > 0);
    const others = group.filter(r => r.pluginBytes === 0);
    console.log(
      `  ${kb(sum(group, r => r.gzip)).padStart(9)}  ${plugin
        .map(r => `${r.file.split('.')[0]} (${mainFolders(r, 2).join(', ')})`)
        .join(' + ')}` +
        (others.length
          ? ` + ${others.length} others ${kb(sum(others, r => r.gzip))}: ${[
              ...new Set(others.flatMap(npmPackages)),
            ]
              .slice(0, 4)
              .join(', ')}`
          : ''),
    );
  }

  const copies = new Map<string, number>();
  for (const r of lazy) {
    for (const [source, n] of r.bySource) {
      if (isPluginSource(source) && n > 0) {
        copies.set(source, (copies.get(source) ?? 0) + 1);
      }
    }
  }
  const duplicated = [...copies]
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1]);
  console.log(
    `Plugin modules in more than one lazy chunk: ${duplicated.length}` +
      (duplicated.length ? '; most copied:' : ''),
  );
  for (const [source, n] of duplicated.slice(0, 12)) {
    console.log(`  ${String(n).padStart(3)} x ${source}`);
  }
}
