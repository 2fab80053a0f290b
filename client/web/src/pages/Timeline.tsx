import { useState } from "preact/hooks";
import { api, type Album } from "../api";
import { Grid } from "../components/Grid";
import { t } from "../i18n";
import { usePagedSearch, rememberContext } from "../paged";
import { navigate } from "../router";

/** The library by capture date, newest first, with multi-select and bulk actions. */
export function Timeline(props: { query?: string; title?: string; refreshKey: number }) {
  const { items, total, more, reload } = usePagedSearch(`${props.query ?? ""}${props.query?.includes("?") ? "&" : "?"}v=${props.refreshKey}`);
  const [selected, setSelected] = useState(new Set<string>());
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); n.has(id) ? n.delete(id) : n.add(id); return n; });
  const open = (id: string) => { rememberContext(items.map((h) => h.id)); navigate(`/images/${id}`); };
  return (
    <section class="page">
      <header class="page-head">
        <h2>{props.title ?? t("timeline")} <small>{total} {t("images")}</small></h2>
      </header>
      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => { setSelected(new Set()); reload(); }} />}
      <Grid items={items} grouped onOpen={open} onMore={more} selected={selected} onToggle={toggle} />
    </section>
  );
}

function BulkBar(props: { ids: string[]; onDone: () => void }) {
  const [albums, setAlbums] = useState<Album[] | null>(null);
  const run = async (action: () => Promise<unknown>) => { await action(); props.onDone(); };
  const tag = () => { const name = prompt(t("addTag")); if (name) void run(() => api("/api/v1/images/bulk/tags", { method: "POST", body: { imageIds: props.ids, add: [name] } })); };
  const rate = (rating: number) => run(() => Promise.all(props.ids.map((id) => api(`/api/v1/images/${id}`, { method: "PATCH", body: { rating } }))));
  return (
    <div class="bulk" data-testid="bulk-bar">
      <span>{props.ids.length} {t("selected")}</span>
      <button onClick={tag}>{t("addTag")}</button>
      <button onClick={async () => setAlbums(await api<Album[]>("/api/v1/albums"))}>{t("addToAlbum")}</button>
      {albums && <select onChange={(e) => run(() => api(`/api/v1/albums/${(e.target as HTMLSelectElement).value}/images`, { method: "POST", body: { add: props.ids } }))}>
        <option value="">—</option>
        {albums.map((a) => <option value={a.id} key={a.id}>{a.name}</option>)}
      </select>}
      <span class="stars">{t("rate")} {[1, 2, 3, 4, 5].map((n) => <button key={n} onClick={() => rate(n)}>{n}★</button>)}</span>
      <button class="danger" onClick={() => run(() => api("/api/v1/images/bulk/trash", { method: "POST", body: { imageIds: props.ids } }))}>{t("trash")}</button>
      <button onClick={props.onDone}>{t("cancel")}</button>
    </div>
  );
}
