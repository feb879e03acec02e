import { describe, expect, it } from 'vitest';
import { JitterQueue, MAX_QUEUED_FRAMES } from './jitter-queue.js';
import { FRAME_SAMPLES } from './media-clock.js';

const frame = (value: number): Int16Array => new Int16Array(FRAME_SAMPLES).fill(value);

describe('mixer jitter queue', () => {
  it('holds the first frame of a talkspurt one tick, then plays one frame per tick in order', () => {
    const q = new JitterQueue();
    expect(q.take()).toBeUndefined(); // empty: silence
    q.push(frame(1));
    expect(q.take()).toBeUndefined(); // held back once
    q.push(frame(2));
    expect(q.take()?.[0]).toBe(1);
    expect(q.take()?.[0]).toBe(2);
    expect(q.take()).toBeUndefined(); // ran dry
  });

  it('plays at once when two frames are already queued, and a lone frame after one tick', () => {
    const q = new JitterQueue();
    q.push(frame(1));
    q.push(frame(2));
    expect(q.take()?.[0]).toBe(1);
    expect(q.take()?.[0]).toBe(2);
    expect(q.take()).toBeUndefined(); // ran dry
    q.push(frame(3));
    expect(q.take()).toBeUndefined();
    expect(q.take()?.[0]).toBe(3);
  });

  it(`keeps at most ${MAX_QUEUED_FRAMES} frames, dropping the oldest, across the ring's wrap`, () => {
    const q = new JitterQueue();
    for (let i = 1; i <= 5; i++) q.push(frame(i));
    expect(q.queuedSamples).toBe(MAX_QUEUED_FRAMES * FRAME_SAMPLES);
    expect(q.dropped).toBe(2 * FRAME_SAMPLES);
    expect([q.take()?.[0], q.take()?.[0]]).toEqual([3, 4]);
    q.push(frame(6));
    q.push(frame(7));
    const ends = (f: Int16Array | undefined): (number | undefined)[] => [f?.[0], f?.[FRAME_SAMPLES - 1]]; // the frame is reused
    const taken = [ends(q.take()), ends(q.take()), ends(q.take())];
    expect(taken).toEqual([
      [5, 5],
      [6, 6],
      [7, 7],
    ]);
  });

  it('accepts packets that are not 20 ms long (10 ms and 30 ms ptime)', () => {
    const q = new JitterQueue();
    q.push(Int16Array.from({ length: 80 }, (_, i) => i));
    expect(q.take()).toBeUndefined();
    q.push(Int16Array.from({ length: 240 }, (_, i) => 80 + i));
    const f = q.take()!;
    expect(Array.from(f.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(f[FRAME_SAMPLES - 1]).toBe(FRAME_SAMPLES - 1);
    expect(q.take()![0]).toBe(FRAME_SAMPLES);
    expect(q.take()).toBeUndefined(); // ran dry (the ring's read position is now 320 of 480)
    q.push(Int16Array.from({ length: 240 }, (_, i) => 1000 + i)); // written across the ring's end
    expect(q.take()).toBeUndefined();
    const g = q.take()!;
    expect([g[0], g[159]]).toEqual([1000, 1159]);
  });
});
