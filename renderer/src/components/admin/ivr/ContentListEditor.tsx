import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { askConfirm } from '../../../stores/confirm-store';
import { ivrError } from './ivr-errors';
import { PromptPlayer } from './PromptPlayer';

/** One kind of content the IVR reads (policies, outlets): how to list, save and remove it. */
export interface ContentKind<Item, Form, Key extends string | number> {
  /** data-testid prefix and id of the error paragraph: `policy`, `outlet`. */
  testId: string;
  load(): Promise<{ editable: boolean; items: Item[] }>;
  keyOf(item: Item): Key;
  emptyForm: Form;
  formOf(item: Item): Form;
  /** Creates (key undefined) or updates; answers the saved item. */
  save(form: Form, key: Key | undefined): Promise<Item>;
  remove(key: Key): Promise<unknown>;
  spokenPromptOf(item: Item): string | null;
  /** Labels: the add button, the editor's heading, the removal question. */
  addLabel: string;
  headingOf(form: Form): string;
  removeQuestion(item: Item): string;
  /** The table: headers and a row's cells (the speech column is added). */
  headers: string[];
  cells(item: Item): ReactNode;
  /** The editor's fields; `marked` marks the field a server error names. */
  fields(props: FieldProps<Form>): ReactNode;
}

export interface FieldProps<Form> {
  form: Form;
  setForm(form: Form): void;
  isNew: boolean;
  marked(field: string): { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

/** 自助语音内容: a list of items the IVR reads, an editor beside it (add, edit, remove), errors at their field. */
export function ContentListEditor<Item, Form, Key extends string | number>({ kind }: { kind: ContentKind<Item, Form, Key> }) {
  const { t } = useTranslation();
  const [list, setList] = useState<{ editable: boolean; items: Item[] }>();
  const [chosen, setChosen] = useState<Key | 'new'>();
  const [form, setForm] = useState<Form>(kind.emptyForm);
  const [failure, setFailure] = useState<unknown>();
  const error = failure === undefined ? undefined : ivrError(t, failure);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  const load = () => kind.load().then(setList, (e: unknown) => setFailure(e));
  useEffect(() => void load(), [kind]); // eslint-disable-line react-hooks/exhaustive-deps -- first load; later ones follow a save
  const choose = (item: Item | 'new') => {
    setFailure(undefined);
    setDone(undefined);
    setChosen(item === 'new' ? 'new' : kind.keyOf(item));
    setForm(item === 'new' ? kind.emptyForm : kind.formOf(item));
  };
  const save = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await kind.save(form, chosen === 'new' ? undefined : chosen);
      setChosen(kind.keyOf(saved));
      setDone(t('adminIvr.content.saved'));
      await load();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (item: Item) => {
    const ok = await askConfirm({
      title: t('adminIvr.content.removeTitle'),
      message: kind.removeQuestion(item),
      confirmLabel: t('adminIvr.content.remove'),
      cancelLabel: t('adminIvr.cancel'),
      danger: true,
    });
    if (!ok) return;
    await kind.remove(kind.keyOf(item)).then(
      () => (setChosen(undefined), load()),
      (e: unknown) => setFailure(e),
    );
  };
  const errorId = `${kind.testId}-error`;
  const marked = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {});
  const current = list?.items.find((item) => kind.keyOf(item) === chosen);
  const spoken = current && kind.spokenPromptOf(current);

  return (
    <div className="ivr-content">
      <div className="ivr-content__list panel">
        <div className="ivr-toolbar">
          {list?.editable && (
            <button type="button" className="button button--small" onClick={() => choose('new')} data-testid={`${kind.testId}-add`}>
              {kind.addLabel}
            </button>
          )}
          {list && !list.editable && <span className="muted">{t('adminIvr.content.external')}</span>}
        </div>
        <table className="table">
          <thead>
            <tr>
              {kind.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
              <th>{t('adminIvr.content.speech')}</th>
            </tr>
          </thead>
          <tbody>
            {list?.items.map((item) => {
              const key = kind.keyOf(item);
              return (
                <tr key={key} className={key === chosen ? 'table__row--on' : ''} onClick={() => choose(item)} data-testid={`${kind.testId}-row-${key}`}>
                  {kind.cells(item)}
                  <td>{t(kind.spokenPromptOf(item) ? 'adminIvr.content.spoken' : 'adminIvr.content.recorded')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chosen !== undefined && list?.editable && (
        <section className="ivr-editor panel" data-testid={`${kind.testId}-editor`}>
          <header className="ivr-editor__head">
            <h2>{chosen === 'new' ? kind.addLabel : kind.headingOf(form)}</h2>
            {spoken && <PromptPlayer promptId={spoken} version={spoken} />}
          </header>
          {kind.fields({ form, setForm, isNew: chosen === 'new', marked })}
          <div className="ivr-editor__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()} data-testid={`${kind.testId}-save`}>
              {busy ? t('adminIvr.making') : t('adminIvr.content.save')}
            </button>
            {current && (
              <button type="button" className="button button--ghost" onClick={() => void remove(current)}>
                {t('adminIvr.content.remove')}
              </button>
            )}
          </div>
          {error && (
            <p className="field__error" role="alert" id={errorId} data-testid={errorId}>
              {error.text}
            </p>
          )}
          {done && !error && (
            <p className="ivr-editor__done" role="status" data-testid={`${kind.testId}-done`}>
              {done}
            </p>
          )}
        </section>
      )}
    </div>
  );
}

/** One text input of an editor, bound to `form[field]`, its test id `${testId}-${field}`. */
export function TextField<Form extends Record<string, unknown>>({
  props,
  field,
  testId,
  type = 'text',
}: {
  props: FieldProps<Form>;
  field: keyof Form & string;
  testId: string;
  type?: string;
}) {
  const { t } = useTranslation();
  const { form, setForm, marked } = props;
  return (
    <label className="field">
      <span>{t(`adminIvr.content.fields.${field}`)}</span>
      <input
        type={type}
        value={String(form[field] ?? '')}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
        data-testid={`${testId}-${field}`}
        {...marked(field)}
      />
    </label>
  );
}
