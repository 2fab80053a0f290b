import { useEffect, useState } from "preact/hooks";
import { api, type Album, type Image } from "../api";
import { ShareDialog } from "../components/ShareDialog";
import { t } from "../i18n";
import { neighbour } from "../paged";
import { navigate } from "../router";

interface Similar { items: { image: { id: string; thumbnail: string; fileName: string }; similarity: number }[] }

/** One image: the picture, its details, tags, rating, comments, albums, look-alikes and text. Arrow keys walk the list it came from. */
export function Detail(props: { id: string }) {
  const [image, setImage] = useState<Image | null>(null);
  const [similar, setSimilar] = useState<Similar | null>(null);
  const [albums, setAlbums] = useState<Album[]>([]);
  const [sharing, setSharing] = useState(false);
  const load = async () => setImage(await api<Image>(`/api/v1/images/${props.id}`));
  useEffect(() => {
    setImage(null); setSimilar(null);
    void load();
    api<Similar>(`/api/v1/images/${props.id}/similar?limit=12`).then(setSimilar, () => setSimilar({ items: [] }));
    api<Album[]>("/api/v1/albums").then(setAlbums, () => setAlbums([]));
  }, [props.id]);
  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).tagName === "INPUT" || (e.target as HTMLElement).tagName === "TEXTAREA") return;
      const next = e.key === "ArrowRight" ? neighbour(props.id, 1) : e.key === "ArrowLeft" ? neighbour(props.id, -1) : undefined;
      if (next) navigate(`/images/${next}`);
      if (e.key === "Escape") history.back();
    };
    addEventListener("keydown", keys);
    return () => removeEventListener("keydown", keys);
  }, [props.id]);
  if (!image) return <section class="page"><p class="loading">…</p></section>;

  const change = async (path: string, body: unknown, method = "POST") => { setImage(await api<Image>(`/api/v1/images/${image.id}${path}`, { method, body })); };
  const m = image.metadata;
  return (
    <section class="page detail" data-testid="detail">
      <div class="viewer">
        <img src={image.links.thumbnails.large ?? image.links.original} alt={image.title ?? image.fileName} />
      </div>
      <aside class="info">
        <h2>{image.title ?? image.fileName}</h2>
        <p class="actions">
          <a href={`${image.links.original}?download`} download>{t("download")}</a>
          <button onClick={() => setSharing(true)}>{t("share")}</button>
          <button onClick={() => change("", { favourite: !image.favourite }, "PATCH")} aria-pressed={image.favourite}>{image.favourite ? "♥" : "♡"}</button>
          <button class="danger" onClick={async () => { await api(`/api/v1/images/${image.id}`, { method: "DELETE" }); history.back(); }}>{t("trash")}</button>
        </p>
        <p class="stars" aria-label={t("rate")}>{[1, 2, 3, 4, 5].map((n) =>
          <button key={n} class={n <= image.rating ? "on" : ""} onClick={() => change("", { rating: n === image.rating ? 0 : n }, "PATCH")}>★</button>)}</p>

        <h3>{t("tags")}</h3>
        <ul class="chips" data-testid="tags">{image.tags.map((tag) =>
          <li key={tag.name} class={tag.source}>{tag.name}<button aria-label="remove" onClick={() => change("/tags", { remove: [tag.name] })}>×</button></li>)}</ul>
        <form onSubmit={(e) => { e.preventDefault(); const input = (e.currentTarget as HTMLFormElement).elements.namedItem("tag") as HTMLInputElement; if (input.value) void change("/tags", { add: [input.value] }); input.value = ""; }}>
          <input name="tag" placeholder={t("addTag")} />
        </form>

        <h3>{t("albums")}</h3>
        <ul class="chips">{image.albumIds.map((id) => <li key={id}><a href={`/albums/${id}`}>{albums.find((a) => a.id === id)?.name ?? id}</a></li>)}</ul>
        <select aria-label={t("addToAlbum")} onChange={async (e) => { const id = (e.target as HTMLSelectElement).value; if (id) { await api(`/api/v1/albums/${id}/images`, { method: "POST", body: { add: [image.id] } }); void load(); } }}>
          <option value="">{t("addToAlbum")}…</option>
          {albums.filter((a) => !image.albumIds.includes(a.id)).map((a) => <option value={a.id} key={a.id}>{a.name}</option>)}
        </select>

        <h3>{t("metadata")}</h3>
        <dl class="meta">
          {m?.capturedAt && <><dt>📅</dt><dd>{m.capturedAt}</dd></>}
          {(m?.make || m?.model) && <><dt>📷</dt><dd>{[m?.make, m?.model, m?.lens].filter(Boolean).join(" · ")}</dd></>}
          {m?.exposureTime && <><dt>⚙</dt><dd>{[m.fNumber && `f/${m.fNumber}`, m.exposureTime && `${m.exposureTime < 1 ? `1/${Math.round(1 / m.exposureTime)}` : m.exposureTime}s`, m.iso && `ISO ${m.iso}`, m.focalLength && `${m.focalLength} mm`].filter(Boolean).join(" · ")}</dd></>}
          <dt>▭</dt><dd>{image.displayWidth}×{image.displayHeight} · {(image.sizeBytes / 1048576).toFixed(1)} MB</dd>
          {m?.latitude !== undefined && m?.latitude !== null && <><dt>{t("map")}</dt><dd>
            <a href={`https://www.openstreetmap.org/?mlat=${m.latitude}&mlon=${m.longitude}#map=15/${m.latitude}/${m.longitude}`} target="_blank" rel="noopener noreferrer">
              {m.latitude.toFixed(5)}, {m.longitude?.toFixed(5)}</a>{m.city ? ` · ${m.city}` : ""}</dd></>}
        </dl>

        {image.analysis?.text && <><h3>{t("text")}</h3><pre class="ocr" data-testid="ocr">{image.analysis.text}</pre></>}

        <h3>{t("comments")}</h3>
        <ul class="comments">{image.comments.map((c) => <li key={c.id}><b>{c.author}</b> {c.text}</li>)}</ul>
        <form onSubmit={async (e) => { e.preventDefault(); const input = (e.currentTarget as HTMLFormElement).elements.namedItem("text") as HTMLInputElement; if (input.value) { await api(`/api/v1/images/${image.id}/comments`, { method: "POST", body: { text: input.value } }); input.value = ""; void load(); } }}>
          <input name="text" placeholder={t("comment")} /><button>{t("send")}</button>
        </form>

        {similar && similar.items.length > 0 && <><h3>{t("similar")}</h3>
          <div class="strip">{similar.items.map((s) => <a key={s.image.id} href={`/images/${s.image.id}`}><img src={s.image.thumbnail} alt={s.image.fileName} loading="lazy" /></a>)}</div></>}
      </aside>
      {sharing && <ShareDialog target={{ imageId: image.id }} onClose={() => setSharing(false)} />}
    </section>
  );
}
