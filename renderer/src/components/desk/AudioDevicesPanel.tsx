import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSoftphoneStore } from '../../stores/softphone-store';

/** Ring on the speaker, talk on the headset: the three devices a softphone needs. */
export function AudioDevicesPanel() {
  const { t } = useTranslation();
  const devices = useSoftphoneStore((s) => s.devices);
  const inputDeviceId = useSoftphoneStore((s) => s.inputDeviceId);
  const talkOutputId = useSoftphoneStore((s) => s.talkOutputId);
  const ringOutputId = useSoftphoneStore((s) => s.ringOutputId);
  const refreshDevices = useSoftphoneStore((s) => s.refreshDevices);
  const chooseDevice = useSoftphoneStore((s) => s.chooseDevice);
  useEffect(() => {
    void refreshDevices();
    navigator.mediaDevices?.addEventListener?.('devicechange', refreshDevices);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refreshDevices);
  }, [refreshDevices]);

  const picker = (kind: 'input' | 'talk' | 'ring', label: string, list: typeof devices.inputs, value: string | undefined) => (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => void chooseDevice(kind, e.target.value)}>
        <option value="">{t('devices.default')}</option>
        {list.map((d) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <details className="panel devices">
      <summary className="panel__title">{t('devices.title')}</summary>
      {picker('input', t('devices.microphone'), devices.inputs, inputDeviceId)}
      {picker('talk', t('devices.talk'), devices.outputs, talkOutputId)}
      {picker('ring', t('devices.ring'), devices.outputs, ringOutputId)}
    </details>
  );
}
