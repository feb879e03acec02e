import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { restatementScript, workOrderCategoryFor } from '../../../../shared/call-notes/restatement';
import { CATEGORY_ORDER, useRecordStore } from '../../stores/record-store';
import { useConnectionStore } from '../../stores/connection-store';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { callbackNumberProblem } from '../../../../shared/call-notes/callback-number';

const TOPIC_MAX = 100;
const DESCRIPTION_MAX = 4000;

/** Characters used of a field's limit; it turns amber near the end. */
function Counter({ id, count, max }: { id: string; count: number; max: number }) {
  const { t } = useTranslation();
  return (
    <span id={id} className={`field__counter ${count >= max * 0.9 ? 'field__counter--near' : ''}`} data-testid={id}>
      {t('agentDesk.counter', { count, max })}
    </span>
  );
}
import { errorField, errorText } from '../../services/api-error-text';

/** The record's fields a server error may point at. */
const FIELDS: readonly string[] = ['topic', 'callerName', 'callbackNumber', 'description'];

/** §2.4-4/5: the matter recorded while talking, restated, and saved once the caller agrees. */
export function RecordPanel() {
  const { t } = useTranslation();
  const draft = useRecordStore((s) => s.draft);
  const saving = useRecordStore((s) => s.saving);
  const saved = useRecordStore((s) => s.saved);
  const error = useRecordStore((s) => s.error);
  const update = useRecordStore((s) => s.update);
  const save = useRecordStore((s) => s.save);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const script = useMemo(() => (draft.topic.trim() ? restatementScript(draft) : ''), [draft]);
  const opensOrder = workOrderCategoryFor(draft) !== undefined;
  // Letters in the number show at once; a missing number once saving was tried.
  const callbackError =
    callbackNumberProblem(draft) === 'invalid' ? 'callbackNumberInvalid' : error === 'callbackNumberRequired' ? 'callbackNumberRequired' : undefined;
  // A refused save names its field: the message goes under that field, which is marked invalid.
  const message =
    error === undefined || error === 'callbackNumberInvalid' || error === 'callbackNumberRequired'
      ? undefined
      : error === 'topicRequired'
        ? t('record.topicRequired')
        : errorText(t, error);
  const badField = error === 'topicRequired' ? 'topic' : typeof error === 'string' ? undefined : errorField(error);
  const marked = badField && FIELDS.includes(badField) ? badField : undefined;
  const invalid = (name: string) => (marked === name ? { 'aria-invalid': true as const, 'aria-describedby': `record-error-${name}` } : {});
  const fieldError = (name: string) =>
    marked === name && (
      <span className="field__error" id={`record-error-${name}`} role="alert" data-testid={`record-error-${name}`}>
        {message}
      </span>
    );

  return (
    <section className="panel record" aria-labelledby="record-heading">
      <h2 id="record-heading" className="panel__title">
        {t('record.title')}
      </h2>
      <div className="record__categories" role="radiogroup" aria-label={t('record.category')}>
        {CATEGORY_ORDER.map((category) => (
          <label key={category} className={`chip ${draft.category === category ? 'chip--on' : ''}`}>
            <input type="radio" name="category" value={category} checked={draft.category === category} onChange={() => update({ category })} />
            {t(`record.categories.${category}`)}
          </label>
        ))}
      </div>
      <div className="record__grid">
        <label className="field record__topic">
          <span className="field__head">
            <span>{t('record.topic')}</span>
            <Counter id="record-topic-count" count={draft.topic.length} max={TOPIC_MAX} />
          </span>
          <input
            value={draft.topic}
            maxLength={TOPIC_MAX}
            aria-label={t('record.topic')}
            aria-describedby="record-topic-count"
            onChange={(e) => update({ topic: e.target.value })}
            {...invalid('topic')}
          />
          {fieldError('topic')}
        </label>
        <label className="field">
          <span>{t('record.callerName')}</span>
          <input value={draft.callerName ?? ''} maxLength={50} onChange={(e) => update({ callerName: e.target.value })} {...invalid('callerName')} />
          {fieldError('callerName')}
        </label>
        <label className="field">
          <span>{t('record.callbackNumber')}</span>
          <input
            value={draft.callbackNumber ?? ''}
            inputMode="tel"
            maxLength={20}
            aria-label={t('record.callbackNumber')}
            aria-invalid={callbackError ? true : undefined}
            aria-describedby={callbackError ? 'record-callback-error' : undefined}
            onChange={(e) => update({ callbackNumber: e.target.value })}
          />
          {fieldError('callbackNumber')}
        </label>
        {callbackError && (
          <p id="record-callback-error" className="field__error" role="alert" data-testid="callback-error">
            {t(`agentDesk.fieldErrors.${callbackError}`)}
          </p>
        )}
        {draft.category === 'inquiry' && (
          <label className="record__check">
            <input type="checkbox" checked={draft.answeredOnCall === false} onChange={(e) => update({ answeredOnCall: !e.target.checked })} />
            {t('record.notAnswered')}
          </label>
        )}
      </div>
      <label className="field">
        <span className="field__head">
          <span>{t('record.description')}</span>
          <Counter id="record-description-count" count={draft.description.length} max={DESCRIPTION_MAX} />
        </span>
        <textarea
          rows={3}
          value={draft.description}
          maxLength={DESCRIPTION_MAX}
          aria-label={t('record.description')}
          aria-describedby="record-description-count"
          onChange={(e) => update({ description: e.target.value })}
          {...invalid('description')}
        />
        {fieldError('description')}
      </label>
      <div className="script" aria-live="polite">
        <div className="script__label">{t('record.restatement')}</div>
        <p data-testid="restatement">{script || t('record.restatementEmpty')}</p>
      </div>
      {opensOrder && <p className="record__hint">{t('record.opensWorkOrder')}</p>}
      {message && !marked && !callbackError && (
        <p className="record__error" role="alert">
          {message}
        </p>
      )}
      {saved && (
        <p className="record__saved" role="status" data-testid="record-saved">
          {saved.workOrderId
            ? t('record.savedWithOrder', {
                id: saved.workOrderId,
                due: saved.workOrderDueAt
                  ? `${formatCenterDateTime(saved.workOrderDueAt, timeZone)}${saved.workOrderDueProvisional ? t('record.dueProvisional') : ''}`
                  : '',
              })
            : t('record.saved')}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="record-confirm"
        disabled={saving || !draft.topic.trim()}
        onClick={() => void save()}
      >
        {t('record.confirm')}
      </button>
    </section>
  );
}
