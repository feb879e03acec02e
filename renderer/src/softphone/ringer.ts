/**
 * The ring: a short 450 Hz tone (the Chinese ring frequency) repeated, played on the chosen
 * ringer output so a headset-wearing agent still hears it on the speaker.
 */
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
