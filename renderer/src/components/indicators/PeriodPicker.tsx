import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../../../shared/metrics/periods';
import { parseLocalDate } from '../../../../shared/time/local-date';

export interface PeriodPickerProps {
  /** The i18n key prefix whose `period`, `periods.<kind>` and `date` label the picker ('indicators', 'network'). */
  words: string;
  period: PeriodKind;
  date: string;
  choose(period: PeriodKind, date: string): void;
}

/** 日 / 周 / 月 / 年 and a day: the period of the center's figures or the province's and ministry's tables. */
export function PeriodPicker({ words, period, date, choose }: PeriodPickerProps) {
  const { t } = useTranslation();
  return (
    <>
      <div role="tablist" aria-label={t(`${words}.period`)} className="indicators__periods">
        {PERIOD_KINDS.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            aria-selected={p === period}
            className={`chip ${p === period ? 'chip--on' : ''}`}
            onClick={() => choose(p, date)}
          >
            {t(`${words}.periods.${p}`)}
          </button>
        ))}
      </div>
      <label className="indicators__date">
        {t(`${words}.date`)}
        <input
          type="date"
          value={date}
          min="2000-01-01"
          onChange={(e) => {
            if (parseLocalDate(e.target.value)) choose(period, e.target.value);
          }}
        />
      </label>
    </>
  );
}
