export interface AudioDevice {
  deviceId: string;
  label: string;
}

export interface AudioDeviceLists {
  inputs: AudioDevice[];
  outputs: AudioDevice[];
}

/** Lists microphones and speakers; labels appear only after the page was granted the microphone. */
export async function listAudioDevices(): Promise<AudioDeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return { inputs: [], outputs: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind) =>
    devices.filter((d) => d.kind === kind).map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
  return { inputs: pick('audioinput'), outputs: pick('audiooutput') };
}

type SinkCapable = HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };

/** Routes an audio element to an output device (ringer on the speaker, talk on the headset). */
export async function routeAudio(element: HTMLMediaElement, deviceId: string | undefined): Promise<boolean> {
  const sinkable = element as SinkCapable;
  if (!deviceId || typeof sinkable.setSinkId !== 'function') return false;
  await sinkable.setSinkId(deviceId);
  return true;
}
