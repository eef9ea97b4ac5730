/** Test helper: the data of Server-Sent Events, one event at a time, each awaited with a deadline. */

/** Reads `status` events of a Server-Sent Events response. */
export function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return async (withinMs: number): Promise<Record<string, unknown>> => {
    const until = Date.now() + withinMs;
    for (;;) {
      const end = text.indexOf('\n\n');
      if (end !== -1) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) return JSON.parse(data.slice(6)) as Record<string, unknown>;
        continue;
      }
      const left = until - Date.now();
      if (left <= 0) throw new Error('no status event in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no status event in time')), left)),
      ]);
      if (chunk.done) throw new Error('the stream ended');
      text += decoder.decode(chunk.value, { stream: true });
    }
  };
}
