import { rotatedBatches } from './rotatedBatches';

async function* pagesOf(...pages: number[][]) {
  for (const page of pages) yield page;
}

async function walk(pages: number[][], startAt: number, deferredSize = 2) {
  const batches = [];
  for await (const batch of rotatedBatches(
    pagesOf(...pages),
    startAt,
    deferredSize,
  )) {
    batches.push(batch);
  }
  return batches;
}

describe('rotatedBatches', () => {
  it('yields the pages as they are when starting at 0', async () => {
    expect(
      await walk(
        [
          [0, 1, 2],
          [3, 4],
        ],
        0,
      ),
    ).toEqual([
      { items: [0, 1, 2], position: 0 },
      { items: [3, 4], position: 3 },
    ]);
  });

  it('starts at startAt and ends with the items before it, each batch with its position', async () => {
    expect(await walk([[0, 1, 2], [3, 4, 5], [6]], 4)).toEqual([
      { items: [4, 5], position: 4 },
      { items: [6], position: 6 },
      { items: [0, 1], position: 0 },
      { items: [2, 3], position: 2 },
    ]);
  });

  it('defers everything when startAt is beyond the end', async () => {
    expect(await walk([[0, 1], [2]], 10, 5)).toEqual([
      { items: [0, 1, 2], position: 0 },
    ]);
  });

  it('reads no further pages once the caller stops', async () => {
    let read = 0;
    async function* counted() {
      for (const page of [[0], [1], [2]]) {
        read += 1;
        yield page;
      }
    }
    for await (const batch of rotatedBatches(counted(), 0, 10)) {
      if (batch.position === 1) break;
    }
    expect(read).toBe(2);
  });
});
