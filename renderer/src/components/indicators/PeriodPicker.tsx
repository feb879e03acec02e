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
      <PeriodTabs label={t(`${words}.period`)} words={words} period={period} choose={(p) => choose(p, date)} />
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

/** The 日 / 周 / 月 / 年 tabs alone (the wallboard's indicators have no day to pick). */
export function PeriodTabs({ label, words, period, choose }: { label?: string; words: string; period: PeriodKind; choose(period: PeriodKind): void }) {
  const { t } = useTranslation();
  return (
    <div role="tablist" aria-label={label} className="indicators__periods">
      {PERIOD_KINDS.map((p) => (
        <button key={p} type="button" role="tab" aria-selected={p === period} className={`chip ${p === period ? 'chip--on' : ''}`} onClick={() => choose(p)}>
          {t(`${words}.periods.${p}`)}
        </button>
      ))}
    </div>
  );
}
