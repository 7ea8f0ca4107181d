import { readLimitedText } from './readLimitedText';

function responseOf(chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        chunks.forEach(chunk => controller.enqueue(chunk));
        controller.close();
      },
    }),
  );
}

describe('readLimitedText', () => {
  it('decodes characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('Grüße, 世界');
    const response = responseOf([
      bytes.slice(0, 3),
      bytes.slice(3, 10),
      bytes.slice(10),
    ]);
    await expect(readLimitedText(response, 100)).resolves.toEqual({
      text: 'Grüße, 世界',
      truncated: false,
    });
  });

  it('stops at the limit and says the body was longer', async () => {
    const encoder = new TextEncoder();
    const response = responseOf([
      encoder.encode('abcd'),
      encoder.encode('efgh'),
      encoder.encode('ijkl'),
    ]);
    await expect(readLimitedText(response, 6)).resolves.toEqual({
      text: 'abcdef',
      truncated: true,
    });
  });

  it('reads a body of exactly the limit in full', async () => {
    const response = responseOf([new TextEncoder().encode('abcdef')]);
    await expect(readLimitedText(response, 6)).resolves.toEqual({
      text: 'abcdef',
      truncated: false,
    });
  });

  it('reads an empty body', async () => {
    await expect(readLimitedText(new Response(null), 6)).resolves.toEqual({
      text: '',
      truncated: false,
    });
  });
});
