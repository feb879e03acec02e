import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import { POLICY_CATEGORIES } from '../../../../../shared/api/gateway';
import type { ContentPolicy, PolicyRequest } from '../../../../../shared/api/self-service-content';
import { useSessionStore } from '../../../stores/session-store';
import { ContentListEditor, TextField, type ContentKind } from './ContentListEditor';

const EMPTY: PolicyRequest = { category: '其他', title: '', summary: '', body: '', effectiveFrom: '' };

/** 政策: list, edit, add, remove; what the IVR reads is the title and the summary. */
export function PoliciesPanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const kind = useMemo(
    (): ContentKind<ContentPolicy, PolicyRequest, number> => ({
      testId: 'policy',
      load: () => api.call(routes.ivr.policies).then((r) => ({ editable: r.editable, items: r.policies })),
      keyOf: (p) => Number(p.id),
      emptyForm: EMPTY,
      formOf: (p) => ({ category: p.category, title: p.title, summary: p.summary, body: p.body, effectiveFrom: p.effectiveFrom }),
      save: (form, id) =>
        id === undefined ? api.call(routes.ivr.createPolicy, { body: form }) : api.call(routes.ivr.updatePolicy, { params: { id }, body: form }),
      remove: (id) => api.call(routes.ivr.deletePolicy, { params: { id } }),
      spokenPromptOf: (p) => p.spokenPrompt,
      addLabel: t('adminIvr.content.addPolicy'),
      headingOf: (form) => form.title,
      removeQuestion: (p) => t('adminIvr.content.removePolicy', { title: p.title }),
      headers: ['category', 'title', 'summary'].map((f) => t(`adminIvr.content.fields.${f}`)),
      cells: (p) => (
        <>
          <td>{p.category}</td>
          <td className="table__title">{p.title}</td>
          <td className="table__title ivr-grow" title={p.summary}>
            {p.summary}
          </td>
        </>
      ),
      fields: (props) => {
        const { form, setForm, marked } = props;
        return (
          <>
            <div className="ivr-editor__row">
              <label className="field">
                <span>{t('adminIvr.content.fields.category')}</span>
                <select
                  value={form.category}
                  onChange={(e) => setForm({ ...form, category: e.target.value as PolicyRequest['category'] })}
                  {...marked('category')}
                >
                  {POLICY_CATEGORIES.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
              <TextField props={props} field="effectiveFrom" testId="policy" type="date" />
            </div>
            <TextField props={props} field="title" testId="policy" />
            <label className="field">
              <span>{t('adminIvr.content.fields.summary')}</span>
              <textarea
                rows={3}
                value={form.summary}
                onChange={(e) => setForm({ ...form, summary: e.target.value })}
                data-testid="policy-summary"
                {...marked('summary')}
              />
            </label>
            <label className="field">
              <span>{t('adminIvr.content.fields.body')}</span>
              <textarea rows={4} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} {...marked('body')} />
            </label>
          </>
        );
      },
    }),
    [api, t],
  );
  return <ContentListEditor kind={kind} />;
}
