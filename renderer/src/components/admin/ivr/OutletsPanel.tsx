import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import type { ContentOutlet, CreateOutletRequest } from '../../../../../shared/api/self-service-content';
import { useSessionStore } from '../../../stores/session-store';
import { ContentListEditor, TextField, type ContentKind } from './ContentListEditor';

type Form = Omit<CreateOutletRequest, 'slotCapacity'> & { slotCapacity: string };
const EMPTY: Form = { code: '', name: '', district: '', address: '', hours: '', phone: '', slotCapacity: '4' };
const TEXT_FIELDS = ['name', 'district', 'address', 'hours', 'phone'] as const;

/** 网点: list, edit, add, remove; the IVR reads districts, then name, address, hours and phone. */
export function OutletsPanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const kind = useMemo(
    (): ContentKind<ContentOutlet, Form, string> => ({
      testId: 'outlet',
      load: () => api.call(routes.ivr.outlets).then((r) => ({ editable: r.editable, items: r.outlets })),
      keyOf: (o) => o.code,
      emptyForm: EMPTY,
      formOf: (o) => ({ ...o, slotCapacity: String(o.slotCapacity) }),
      save: ({ code, ...rest }, key) => {
        const body = { ...rest, slotCapacity: Number(rest.slotCapacity) };
        return key === undefined
          ? api.call(routes.ivr.createOutlet, { body: { ...body, code } })
          : api.call(routes.ivr.updateOutlet, { params: { code: key }, body });
      },
      remove: (code) => api.call(routes.ivr.deleteOutlet, { params: { code } }),
      spokenPromptOf: (o) => o.spokenPrompt,
      addLabel: t('adminIvr.content.addOutlet'),
      headingOf: (form) => form.name,
      removeQuestion: (o) => t('adminIvr.content.removeOutlet', { name: o.name }),
      headers: ['code', 'name', 'district', 'address'].map((f) => t(`adminIvr.content.fields.${f}`)),
      cells: (o) => (
        <>
          <td>{o.code}</td>
          <td className="table__title">{o.name}</td>
          <td>{o.district}</td>
          <td className="table__title ivr-grow" title={o.address}>
            {o.address}
          </td>
        </>
      ),
      fields: (props) => (
        <>
          {props.isNew && <TextField props={props} field="code" testId="outlet" />}
          {TEXT_FIELDS.map((f) => (
            <div key={f}>
              <TextField props={props} field={f} testId="outlet" />
            </div>
          ))}
          <TextField props={props} field="slotCapacity" testId="outlet" type="number" />
        </>
      ),
    }),
    [api, t],
  );
  return <ContentListEditor kind={kind} />;
}
