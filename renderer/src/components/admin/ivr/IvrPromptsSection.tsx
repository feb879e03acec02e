import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import { MAX_PROMPT_TEXT, type IvrPrompt } from '../../../../../shared/api/ivr-prompts';
import { useSessionStore } from '../../../stores/session-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { formatCenterDateTime } from '../../../../../shared/time/format';
import { askConfirm } from '../../../stores/confirm-store';
import { fileAsBase64, ivrError } from './ivr-errors';
import { ApiError } from '../../../services/api-client';
import { PromptPlayer } from './PromptPlayer';
import './admin-ivr.css';

type Filter = 'menu' | 'all';

/**
 * 语音导航: every prompt the IVR plays, with its text. The admin previews one, makes it from a new
 * text (the server's TTS), uploads a recording instead, or goes back to the shipped prompt; the
 * next caller hears the change.
 */
export function IvrPromptsSection() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [prompts, setPrompts] = useState<IvrPrompt[]>();
  const [filter, setFilter] = useState<Filter>('menu');
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    api.call(routes.ivr.prompts).then(
      (list) => setPrompts(list.prompts),
      (e: unknown) => setLoadError(ivrError(t, e).text),
    );
  }, [api, t]);

  const shown = useMemo(() => {
    const q = search.trim();
    return (prompts ?? []).filter((p) => (filter === 'all' || p.menu) && (!q || p.id.includes(q) || p.text.includes(q)));
  }, [prompts, filter, search]);
  const selected = prompts?.find((p) => p.id === selectedId) ?? shown[0];
  const replace = useCallback((updated: IvrPrompt) => setPrompts((list) => list?.map((p) => (p.id === updated.id ? updated : p))), []);

  return (
    <div className="ivr-prompts" data-testid="ivr-prompts">
      <div className="ivr-prompts__list panel">
        <div className="ivr-toolbar">
          <span role="group" aria-label={t('adminIvr.filter')}>
            {(['menu', 'all'] as const).map((f) => (
              <button
                key={f}
                type="button"
                className="button button--small"
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
                data-testid={`prompt-filter-${f}`}
              >
                {t(`adminIvr.filters.${f}`)}
              </button>
            ))}
          </span>
          <input
            className="ivr-toolbar__search"
            type="search"
            placeholder={t('adminIvr.search')}
            aria-label={t('adminIvr.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {loadError && <p className="field__error">{loadError}</p>}
        {!prompts && !loadError && <p className="muted">{t('admin.loading')}</p>}
        <div className="ivr-prompts__scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('adminIvr.columns.id')}</th>
                <th>{t('adminIvr.columns.text')}</th>
                <th>{t('adminIvr.columns.length')}</th>
                <th>{t('adminIvr.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id} className={p.id === selected?.id ? 'table__row--on' : ''} onClick={() => setSelectedId(p.id)} data-testid={`prompt-row-${p.id}`}>
                  <td>
                    <code>{p.id}</code>
                  </td>
                  <td className="table__title ivr-prompts__text" title={p.text}>
                    {p.text}
                  </td>
                  <td>{t('adminIvr.seconds', { s: (p.durationMs / 1000).toFixed(1) })}</td>
                  <td>{t(`adminIvr.states.${p.replaced?.source ?? 'default'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {selected && <PromptEditor key={selected.id} prompt={selected} onSaved={replace} />}
    </div>
  );
}

/** One prompt: its text made into speech, a recording uploaded, preview, back to the default. */
function PromptEditor({ prompt, onSaved }: { prompt: IvrPrompt; onSaved: (p: IvrPrompt) => void }) {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [text, setText] = useState(prompt.text);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState<'text' | 'upload' | 'revert'>();
  const [failure, setError] = useState<unknown>();
  const error = failure === undefined ? undefined : ivrError(t, failure);
  const [done, setDone] = useState<string>();

  const run = async (kind: 'text' | 'upload' | 'revert', call: () => Promise<IvrPrompt>) => {
    setBusy(kind);
    setError(undefined);
    setDone(undefined);
    try {
      const saved = await call();
      onSaved(saved);
      setText(saved.text);
      setDone(t(`adminIvr.done.${kind}`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const fromText = () => run('text', () => api.call(routes.ivr.promptText, { params: { id: prompt.id }, body: { text } }));
  const upload = () =>
    file
      ? run('upload', async () =>
          api.call(routes.ivr.promptRecording, { params: { id: prompt.id }, body: { fileName: file.name, data: await fileAsBase64(file) } }),
        )
      : setError(new ApiError(0, 'no_file', 'choose a file first', { field: 'file' }));
  const revert = async () => {
    const ok = await askConfirm({
      title: t('adminIvr.revertTitle'),
      message: t('adminIvr.revertMessage', { id: prompt.id }),
      confirmLabel: t('adminIvr.revert'),
      cancelLabel: t('adminIvr.cancel'),
    });
    if (ok) await run('revert', () => api.call(routes.ivr.revertPrompt, { params: { id: prompt.id } }));
  };
  const marked = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'prompt-error' } : {});
  const version = `${prompt.replaced?.updatedAt ?? 'default'}`;

  return (
    <section className="ivr-editor panel" aria-label={t('adminIvr.editorTitle', { id: prompt.id })} data-testid="prompt-editor">
      <header className="ivr-editor__head">
        <h2>
          <code>{prompt.id}</code> {prompt.menu && <span className="chip">{t('adminIvr.menuTag')}</span>}
        </h2>
        <PromptPlayer promptId={prompt.id} version={version} />
      </header>
      <p className="muted">
        {prompt.replaced
          ? t(`adminIvr.replacedBy.${prompt.replaced.source}`, {
              by: prompt.replaced.updatedBy ?? '—',
              at: formatCenterDateTime(prompt.replaced.updatedAt, timeZone),
              file: prompt.replaced.fileName ?? '',
            })
          : t('adminIvr.shipped')}
      </p>
      <label className="field">
        <span>{t('adminIvr.textLabel')}</span>
        <textarea rows={4} maxLength={MAX_PROMPT_TEXT} value={text} onChange={(e) => setText(e.target.value)} data-testid="prompt-text" {...marked('text')} />
      </label>
      {prompt.text !== prompt.defaultText && <p className="muted ivr-editor__default">{t('adminIvr.defaultText', { text: prompt.defaultText })}</p>}
      <div className="ivr-editor__actions">
        <button type="button" className="button button--primary" disabled={busy !== undefined} onClick={() => void fromText()} data-testid="prompt-make">
          {busy === 'text' ? t('adminIvr.making') : t('adminIvr.makeFromText')}
        </button>
      </div>
      <label className="field">
        <span>{t('adminIvr.fileLabel')}</span>
        <input
          type="file"
          accept=".wav,.flac,.ogg,.aif,.aiff,audio/*"
          onChange={(e) => setFile(e.target.files?.[0])}
          data-testid="prompt-file"
          {...marked('file')}
        />
      </label>
      <p className="muted">{t('adminIvr.fileHint')}</p>
      <div className="ivr-editor__actions">
        <button type="button" className="button" disabled={busy !== undefined} onClick={() => void upload()} data-testid="prompt-upload">
          {busy === 'upload' ? t('adminIvr.uploading') : t('adminIvr.upload')}
        </button>
        {prompt.replaced && (
          <button type="button" className="button button--ghost" disabled={busy !== undefined} onClick={() => void revert()} data-testid="prompt-revert">
            {t('adminIvr.revert')}
          </button>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert" id="prompt-error" data-testid="prompt-error">
          {error.text}
        </p>
      )}
      {done && (
        <p className="ivr-editor__done" role="status" data-testid="prompt-done">
          {done}
        </p>
      )}
    </section>
  );
}
