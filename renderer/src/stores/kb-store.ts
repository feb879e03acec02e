import { create } from 'zustand';
import type { KbArticle, KbHotResponse, KbSearchHit } from '../../../shared/api/knowledge-base';
import { useSessionStore } from './session-store';
import { onServerEvent } from './connection-store';
import { routes } from '../../../shared/api/routes';

interface KbState {
  query: string;
  results: KbSearchHit[];
  searching: boolean;
  article: KbArticle | undefined;
  hot: KbHotResponse['items'];
  /** Set when an open article was changed on the server while the agent read it. */
  articleUpdated: boolean;
  error: string | undefined;
  setQuery(query: string): void;
  open(id: number): Promise<void>;
  closeArticle(): void;
  loadHot(): Promise<void>;
}

const SEARCH_DELAY_MS = 150;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

export const useKbStore = create<KbState>()((set, get) => {
  const runSearch = async () => {
    const q = get().query.trim();
    const seq = ++searchSeq;
    if (!q) return set({ results: [], searching: false });
    set({ searching: true });
    try {
      const response = await useSessionStore.getState().api.call(routes.kb.search, { query: { q, limit: 10 } });
      // Typing fast fires several searches; only the newest may land.
      if (seq === searchSeq) set({ results: response.items, searching: false, error: undefined });
    } catch (error) {
      if (seq === searchSeq) set({ searching: false, error: (error as Error).message });
    }
  };

  return {
    query: '',
    results: [],
    searching: false,
    article: undefined,
    hot: [],
    articleUpdated: false,
    error: undefined,
    setQuery(query) {
      // A new question means the open article answered the last one: back to the results.
      set(query === get().query ? { query } : { query, article: undefined, articleUpdated: false });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void runSearch(), SEARCH_DELAY_MS);
    },
    async open(id) {
      try {
        const article = await useSessionStore.getState().api.call(routes.kb.article, { params: { id } });
        set({ article, articleUpdated: false, error: undefined });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    closeArticle: () => set({ article: undefined, articleUpdated: false }),
    async loadHot() {
      try {
        const { items } = await useSessionStore.getState().api.call(routes.kb.hot, { query: { limit: 8 } });
        set({ hot: items });
      } catch {
        // Hot questions are a convenience; search still works without them.
      }
    },
  };
});

// §2.4-6: a change to the knowledge base reaches open desks at once.
onServerEvent((event) => {
  if (useSessionStore.getState().status !== 'signed-in') return;
  if (event.type === 'kb.pins-changed') return void useKbStore.getState().loadHot();
  if (event.type !== 'kb.article-changed') return;
  const kb = useKbStore.getState();
  // A title in the hot list may have changed, or an article left it (archived, expired).
  if (kb.hot.some((h) => h.id === event.articleId)) void kb.loadHot();
  if (kb.article?.id === event.articleId) void kb.open(event.articleId).then(() => useKbStore.setState({ articleUpdated: true }));
  if (kb.query.trim()) kb.setQuery(kb.query);
});
