import { create } from 'zustand';
import type { KbArticle, KbArticleInput, KbArticleListItem, KbArticleVersion, KbHotResponse } from '../../../shared/api/knowledge-base';
import { routes } from '../../../shared/api/routes';
import { ApiError } from '../services/api-client';
import { useSessionStore } from './session-store';

/** The editor's form: keywords as the admin types them (comma or space separated). */
export interface KbDraft extends Omit<KbArticleInput, 'keywords' | 'expiresAt'> {
  keywords: string;
  expiresAt: string;
}

export const emptyDraft = (today: string): KbDraft => ({
  category: '提取',
  title: '',
  body: '',
  keywords: '',
  effectiveFrom: today,
  expiresAt: '',
  status: 'draft',
});

const draftOf = (a: KbArticle): KbDraft => ({
  category: a.category,
  title: a.title,
  body: a.body,
  keywords: a.keywords.join('，'),
  effectiveFrom: a.effectiveFrom,
  expiresAt: a.expiresAt ?? '',
  status: a.status,
});

export const inputOf = (d: KbDraft): KbArticleInput => ({
  ...d,
  keywords: d.keywords
    .split(/[,，;；\s]+/)
    .map((k) => k.trim())
    .filter(Boolean),
  expiresAt: d.expiresAt || null,
});

interface AdminKbState {
  query: string;
  items: KbArticleListItem[];
  /** The article open in the editor (undefined: a new one). */
  article: KbArticle | undefined;
  draft: KbDraft | undefined;
  versions: KbArticleVersion[];
  hot: KbHotResponse['items'];
  error: ApiError | undefined;
  saved: 'published' | 'saved' | undefined;
  search(query: string): Promise<void>;
  open(id: number): Promise<void>;
  create(today: string): void;
  edit(change: Partial<KbDraft>): void;
  /** Saves the draft; `publish` saves it published (a new version agents find at once). */
  save(publish: boolean): Promise<void>;
  loadHot(): Promise<void>;
  setPins(ids: number[]): Promise<void>;
}

const api = () => useSessionStore.getState().api;
const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error)));

/** 系统管理 → 知识库: find, edit, preview, publish a version, expiry, the pinned hot list. */
export const useAdminKbStore = create<AdminKbState>()((set, get) => ({
  query: '',
  items: [],
  article: undefined,
  draft: undefined,
  versions: [],
  hot: [],
  error: undefined,
  saved: undefined,
  async search(query) {
    set({ query });
    try {
      const { items } = await api().call(routes.kb.list, { query: { q: query.trim() || undefined, limit: 100 } });
      if (get().query === query) set({ items });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  async open(id) {
    try {
      const [article, { items: versions }] = await Promise.all([
        api().call(routes.kb.article, { params: { id } }),
        api().call(routes.kb.versions, { params: { id } }),
      ]);
      set({ article, draft: draftOf(article), versions, error: undefined, saved: undefined });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  create(today) {
    set({ article: undefined, draft: emptyDraft(today), versions: [], error: undefined, saved: undefined });
  },
  edit(change) {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...change }, saved: undefined, error: undefined });
  },
  async save(publish) {
    const { draft, article } = get();
    if (!draft) return;
    const input = inputOf(publish ? { ...draft, status: 'published' } : draft);
    try {
      const saved = article
        ? await api().call(routes.kb.update, { params: { id: article.id }, body: { article: input, expectedVersion: article.version } })
        : await api().call(routes.kb.create, { body: input });
      const { items: versions } = await api().call(routes.kb.versions, { params: { id: saved.id } });
      set({ article: saved, draft: draftOf(saved), versions, error: undefined, saved: saved.status === 'published' ? 'published' : 'saved' });
      void get().search(get().query);
      void get().loadHot();
    } catch (error) {
      set({ error: asApiError(error), saved: undefined });
    }
  },
  async loadHot() {
    try {
      const { items } = await api().call(routes.kb.hot, { query: { limit: 10 } });
      set({ hot: items });
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
  async setPins(ids) {
    try {
      const { items } = await api().call(routes.kb.pins, { body: { articleIds: ids } });
      set({ hot: items, error: undefined });
      void get().search(get().query);
    } catch (error) {
      set({ error: asApiError(error) });
    }
  },
}));
