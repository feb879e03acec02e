import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { restatementScript, workOrderCategoryFor } from '../../../../shared/call-notes/restatement';
import { CATEGORY_ORDER, useRecordStore } from '../../stores/record-store';
import { useConnectionStore } from '../../stores/connection-store';
import { formatCenterDateTime } from '../../../../shared/time/format';
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
  // A refused save names its field: the message goes under that field, which is marked invalid.
  const message = error === undefined ? undefined : error === 'topicRequired' ? t('record.topicRequired') : errorText(t, error);
  const badField = error === 'topicRequired' ? 'topic' : errorField(error);
  const marked = badField && FIELDS.includes(badField) ? badField : undefined;
  const invalid = (name: string) =>
    marked === name ? { 'aria-invalid': true as const, 'aria-describedby': `record-error-${name}` } : {};
  const fieldError = (name: string) =>
    marked === name && (
      <span className="field__error" id={`record-error-${name}`} role="alert" data-testid={`record-error-${name}`}>
        {message}
      </span>
    );

  return (
    <section className="panel record" aria-labelledby="record-heading">
      <h2 id="record-heading" className="panel__title">{t('record.title')}</h2>
      <div className="record__categories" role="radiogroup" aria-label={t('record.category')}>
        {CATEGORY_ORDER.map((category) => (
          <label key={category} className={`chip ${draft.category === category ? 'chip--on' : ''}`}>
            <input type="radio" name="category" value={category} checked={draft.category === category} onChange={() => update({ category })} />
            {t(`record.categories.${category}`)}
          </label>
        ))}
      </div>
      <div className="record__grid">
        <label className="field">
          <span>{t('record.topic')}</span>
          <input value={draft.topic} maxLength={100} onChange={(e) => update({ topic: e.target.value })} {...invalid('topic')} />
          {fieldError('topic')}
        </label>
        <label className="field">
          <span>{t('record.callerName')}</span>
          <input value={draft.callerName ?? ''} maxLength={50} onChange={(e) => update({ callerName: e.target.value })} {...invalid('callerName')} />
          {fieldError('callerName')}
        </label>
        <label className="field">
          <span>{t('record.callbackNumber')}</span>
          <input value={draft.callbackNumber ?? ''} inputMode="tel" maxLength={20} onChange={(e) => update({ callbackNumber: e.target.value })} {...invalid('callbackNumber')} />
          {fieldError('callbackNumber')}
        </label>
        {draft.category === 'inquiry' && (
          <label className="record__check">
            <input type="checkbox" checked={draft.answeredOnCall === false} onChange={(e) => update({ answeredOnCall: !e.target.checked })} />
            {t('record.notAnswered')}
          </label>
        )}
      </div>
      <label className="field">
        <span>{t('record.description')}</span>
        <textarea rows={4} value={draft.description} maxLength={4000} onChange={(e) => update({ description: e.target.value })} {...invalid('description')} />
        {fieldError('description')}
      </label>
      <div className="script" aria-live="polite">
        <div className="script__label">{t('record.restatement')}</div>
        <p data-testid="restatement">{script || t('record.restatementEmpty')}</p>
      </div>
      {opensOrder && <p className="record__hint">{t('record.opensWorkOrder')}</p>}
      {message && !marked && (
        <p className="record__error" role="alert">
          {message}
        </p>
      )}
      {saved && (
        <p className="record__saved" role="status" data-testid="record-saved">
          {saved.workOrderId
            ? t('record.savedWithOrder', { id: saved.workOrderId, due: saved.workOrderDueAt ? `${formatCenterDateTime(saved.workOrderDueAt, timeZone)}${saved.workOrderDueProvisional ? t('record.dueProvisional') : ''}` : '' })
            : t('record.saved')}
        </p>
      )}
      <button type="button" className="button button--primary" disabled={saving || !draft.topic.trim()} onClick={() => void save()}>
        {t('record.confirm')}
      </button>
    </section>
  );
}
