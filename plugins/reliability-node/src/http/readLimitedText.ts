/** A body read up to a limit: its text, and whether reading stopped at the limit before the end. */
export interface LimitedText {
  text: string;
  truncated: boolean;
}

/**
 * Reads a response body as UTF-8 text, at most `maxBytes` of it: reading stops (and the rest of the body is
 * cancelled) as soon as the limit is passed, so an endless or huge answer never fills the memory.
 */
export async function readLimitedText(
  response: Response,
  maxBytes: number,
): Promise<LimitedText> {
  if (!response.body) {
    return { text: '', truncated: false };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return { text: text + decoder.decode(), truncated: false };
    }
    if (received + value.byteLength > maxBytes) {
      text += decoder.decode(value.subarray(0, maxBytes - received));
      // Release the connection without waiting for the rest.
      reader.cancel().catch(() => undefined);
      return { text, truncated: true };
    }
    received += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}
