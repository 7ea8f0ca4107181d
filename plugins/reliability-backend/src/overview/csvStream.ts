import { OverviewPage } from '@internal/backstage-plugin-reliability-common';
import { Readable } from 'node:stream';
import { csvLine } from '../shared/csv';
import { OVERVIEW_CSV_HEADER, overviewCsvLine } from './csv';

/** Bytes the export buffers ahead of the client (about one page of 100 rows) before it reads the next page. */
export const CSV_BUFFER_BYTES = 64 * 1024;

/**
 * The body of the overview export: the header line, then the lines of each page as the client takes them. The
 * next page is read from `rest` only when less than {@link CSV_BUFFER_BYTES} wait to be sent, so memory stays
 * bounded by about a page whatever the export's size or the client's speed, and a client that goes away stops
 * the reading (the stream is destroyed and `rest` returned).
 */
export function overviewCsvStream(
  first: OverviewPage | undefined,
  rest: AsyncIterable<OverviewPage>,
): Readable {
  async function* lines() {
    yield csvLine(OVERVIEW_CSV_HEADER);
    if (!first) {
      return;
    }
    yield first.items.map(overviewCsvLine).join('');
    for await (const page of rest) {
      yield page.items.map(overviewCsvLine).join('');
    }
  }
  return Readable.from(lines(), {
    objectMode: false,
    highWaterMark: CSV_BUFFER_BYTES,
  });
}
