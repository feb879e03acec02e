import type { MediaLeg } from '../media/media-engine.js';

/** Music on hold for one leg: the file over and over until stop() or the leg closes. */
export class HoldMusic {
  private playing: AbortController | undefined;

  constructor(
    private readonly leg: MediaLeg,
    private readonly file: string,
  ) {}

  get isPlaying(): boolean {
    return this.playing !== undefined;
  }

  start(): void {
    if (this.playing) return;
    const controller = new AbortController();
    this.playing = controller;
    void (async () => {
      while (!controller.signal.aborted) {
        const result = await this.leg.play([this.file], { signal: controller.signal }).catch(() => 'closed' as const);
        if (result !== 'completed') break;
      }
      if (this.playing === controller) this.playing = undefined;
    })();
  }

  stop(): void {
    this.playing?.abort();
    this.playing = undefined;
  }
}
