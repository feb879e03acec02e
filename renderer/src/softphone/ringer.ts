/**
 * A looped tone. The ring: a short 450 Hz tone (the Chinese ring frequency) repeated, played on
 * the chosen ringer output so a headset-wearing agent still hears it on the speaker. The ringback
 * (RINGBACK_TONE): 450 Hz, 1 s on and 4 s off as Chinese exchanges play it, on the headset while
 * the citizen's phone rings on a follow-up call.
 */
export const RINGBACK_TONE = './ringback.wav';

export class Ringer {
  private readonly element: HTMLAudioElement;

  constructor(src = './ringtone.wav') {
    this.element = new Audio(src);
    this.element.loop = true;
  }

  get audioElement(): HTMLAudioElement {
    return this.element;
  }

  start(): void {
    this.element.currentTime = 0;
    void this.element.play().catch(() => undefined);
  }

  stop(): void {
    this.element.pause();
  }
}
