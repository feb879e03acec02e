/**
 * The level (RMS, 0–1) of a remote audio stream, measured with WebAudio: the desk shows whether
 * the agent hears anything, and tests check that audio really arrives.
 */
export function createLevelMeter(stream: MediaStream): () => number {
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const v of samples) sum += v * v;
    return Math.sqrt(sum / samples.length);
  };
}
