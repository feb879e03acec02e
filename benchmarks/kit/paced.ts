/** Calls `send(i)` for i = 0 … count − 1 at `rate` per second, each on its due time (not after the last one's delay). */
export async function paced(rate: number, count: number, send: (i: number) => void): Promise<void> {
  const interval = 1000 / rate;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    send(i);
  }
}
