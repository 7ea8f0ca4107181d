/*
 * Attributes the emitted JavaScript of a production build of packages/app to its sources through the source
 * maps, and sums what belongs to the reliability plugin (plugins/reliability and plugins/reliability-common):
 * per lazily loaded chunk, and the plugin's share of the initial (main) bundle.
 */
import { SourceMapConsumer } from 'source-map-js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PLUGIN_SOURCE = /\/plugins\/(reliability(?:-common)?)\/src\/(.*)$/;

export type ChunkReport = {
  file: string;
  initial: boolean;
  bytes: number;
  gzip: number;
  /** Emitted bytes per source (shortened to `reliability/...`, `reliability-common/...` or the package name). */
  bySource: Map<string, number>;
  pluginBytes: number;
  /** gzip -9 of only the plugin's emitted code in this chunk. */
  pluginGzip: number;
};

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** `reliability/components/slo/EntitySloCard.tsx`, `reliability-common/...`, or the node_modules package. */
export function shortSource(source: string): string {
  const plugin = PLUGIN_SOURCE.exec(source);
  if (plugin) {
    return `${plugin[1]}/${plugin[2]}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? `npm:${pkg[1]}` : source.replace(/^webpack:\/\/app\//, '');
}

export const isPluginSource = (short: string) =>
  short.startsWith('reliability/') || short.startsWith('reliability-common/');

/** Emitted bytes and text per source: each mapped segment runs to the next mapping or the end of its line. */
function attribute(code: string, map: string) {
  const consumer = new SourceMapConsumer(JSON.parse(map));
  const lines = code.split('\n');
  const segments: { line: number; column: number; source: string | null }[] =
    [];
  consumer.eachMapping(m => {
    segments.push({
      line: m.generatedLine,
      column: m.generatedColumn,
      source: m.source ?? null,
    });
  }, undefined);
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  const bytes = new Map<string, number>();
  const pluginText: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const next = segments[i + 1];
    const lineText = lines[seg.line - 1] ?? '';
    const end = next && next.line === seg.line ? next.column : lineText.length;
    const text = lineText.slice(seg.column, end);
    const source = seg.source ? shortSource(seg.source) : '(unmapped)';
    bytes.set(source, (bytes.get(source) ?? 0) + text.length);
    if (isPluginSource(source)) {
      pluginText.push(text);
    }
  }
  return { bytes, pluginText: pluginText.join('') };
}

/** Script files the page loads up front, read from index.html. */
function initialScripts(distDir: string): Set<string> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*src="\/static\/([^"]+)"/g)].map(
    m => m[1],
  );
  return new Set(files);
}

export function analyseDist(distDir: string): ChunkReport[] {
  const staticDir = join(distDir, 'static');
  const initial = initialScripts(distDir);
  const reports: ChunkReport[] = [];
  for (const file of readdirSync(staticDir)) {
    if (!file.endsWith('.js')) {
      continue;
    }
    const code = readFileSync(join(staticDir, file), 'utf8');
    let mapText: string;
    try {
      mapText = readFileSync(join(staticDir, `${file}.map`), 'utf8');
    } catch {
      continue;
    }
    const { bytes, pluginText } = attribute(code, mapText);
    let pluginBytes = 0;
    for (const [source, n] of bytes) {
      if (isPluginSource(source)) {
        pluginBytes += n;
      }
    }
    reports.push({
      file,
      initial: initial.has(file),
      bytes: Buffer.byteLength(code),
      gzip: gzipSize(code),
      bySource: bytes,
      pluginBytes,
      pluginGzip: pluginBytes ? gzipSize(pluginText) : 0,
    });
  }
  return reports;
}

/** The two or three source folders (`reliability/components/<area>`) holding most of a chunk's plugin code. */
export function mainFolders(report: ChunkReport, count = 3): string[] {
  const byFolder = new Map<string, number>();
  for (const [source, n] of report.bySource) {
    if (!isPluginSource(source)) {
      continue;
    }
    const parts = source.split('/');
    const folder =
      parts[0] === 'reliability' &&
      parts[1] === 'components' &&
      parts.length > 3
        ? parts[2]
        : parts.slice(0, parts.length > 2 ? 2 : 1).join('/');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + n);
  }
  return [...byFolder]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([folder, n]) => `${folder} ${(n / 1024).toFixed(1)}K`);
}

/**
 * The chunks each `import()` loads together, read from the emitted code (`Promise.all([x.e("12"), x.e("34")])`
 * or a single `x.e("12")`): what the browser downloads before a lazy boundary renders. Only groups holding a
 * chunk with plugin code are returned.
 */
export function lazyBoundaries(
  distDir: string,
  reports: ChunkReport[],
): ChunkReport[][] {
  const byId = new Map<string, ChunkReport>();
  for (const r of reports) {
    byId.set(r.file.split('.')[0], r);
  }
  const groups = new Map<string, ChunkReport[]>();
  for (const r of reports) {
    const code = readFileSync(join(distDir, 'static', r.file), 'utf8');
    const calls =
      /Promise\.all\(\[((?:[\w$]+\.e\("\w+"\),?)+)\]\)|[\w$]+\.e\("(\w+)"\)/g;
    for (const m of code.matchAll(calls)) {
      const ids = m[1]
        ? [...m[1].matchAll(/\.e\("(\w+)"\)/g)].map(x => x[1])
        : [m[2]];
      const chunks = ids
        .map(id => byId.get(id))
        .filter(Boolean) as ChunkReport[];
      if (chunks.some(c => c.pluginBytes > 0)) {
        groups.set(ids.join(','), chunks);
      }
    }
  }
  return [...groups.values()];
}
