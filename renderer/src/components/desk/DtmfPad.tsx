import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

export function DtmfPad({ disabled, onDigit }: { disabled: boolean; onDigit: (digit: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="dtmf" role="group" aria-label={t('softphone.dtmf')}>
      {KEYS.map((key) => (
        <button key={key} type="button" className="dtmf__key" disabled={disabled} onClick={() => onDigit(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
