import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, type SearchPage, type Hit, type Facet } from "./api";

/** Pages of a search, loaded one after another as the grid asks for more. */
export function usePagedSearch(query: string, pageSize = 200) {
  const [items, setItems] = useState<Hit[]>([]);
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<Record<string, Facet[]>>({});
  const state = useRef({ cursor: undefined as string | undefined, done: false, loading: false, query, generation: 0 });

  const more = useCallback(async () => {
    const s = state.current;
    if (s.done || s.loading) return;
    s.loading = true;
    const generation = s.generation;
    try {
      const sep = s.query.includes("?") ? "&" : "?";
      const page = await api<SearchPage>(`/api/v1/search${s.query}${sep}limit=${pageSize}${s.cursor ? `&cursor=${encodeURIComponent(s.cursor)}` : ""}${s.cursor ? "" : "&facets=true"}`);
      if (generation !== s.generation) return;
      setItems((old) => [...old, ...page.items]);
      if (!s.cursor) { setTotal(page.total); setFacets(page.facets ?? {}); }
      s.cursor = page.nextCursor;
      s.done = !page.nextCursor;
    } finally { s.loading = false; }
  }, [pageSize]);

  const reload = useCallback(() => {
    Object.assign(state.current, { cursor: undefined, done: false, loading: false, query, generation: state.current.generation + 1 });
    setItems([]);
    void more();
  }, [query, more]);

  useEffect(reload, [query]);
  return { items, total, facets, more, reload };
}

/** Remembers the list an image was opened from, so the viewer's arrow keys walk it. */
export function rememberContext(ids: string[]) {
  sessionStorage.setItem("iv.context", JSON.stringify(ids));
}

export function neighbour(id: string, step: number): string | undefined {
  const ids: string[] = JSON.parse(sessionStorage.getItem("iv.context") ?? "[]");
  const i = ids.indexOf(id);
  return i < 0 ? undefined : ids[i + step];
}
