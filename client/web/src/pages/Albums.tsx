import { useEffect, useState } from "preact/hooks";
import { api, type Album } from "../api";
import { ShareDialog } from "../components/ShareDialog";
import { t } from "../i18n";
import { navigate } from "../router";
import { Timeline } from "./Timeline";

/** The album tree: nested albums, create one, open one. */
export function Albums() {
  const [albums, setAlbums] = useState<Album[]>([]);
  const load = () => api<Album[]>("/api/v1/albums").then(setAlbums);
  useEffect(() => { void load(); }, []);
  const tree = (parent?: string): preact.JSX.Element => (
    <ul>{albums.filter((a) => (a.parentId ?? undefined) === parent).map((a) =>
      <li key={a.id}><a href={`/albums/${a.id}`}>{a.name}</a>{tree(a.id)}</li>)}</ul>);
  return (
    <section class="page">
      <h2>{t("albums")}</h2>
      <form onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget as HTMLFormElement;
        const name = (form.elements.namedItem("name") as HTMLInputElement).value;
        const parent = (form.elements.namedItem("parent") as HTMLSelectElement).value || undefined;
        if (name) { await api("/api/v1/albums", { method: "POST", body: { name, parentId: parent } }); form.reset(); void load(); }
      }}>
        <input name="name" placeholder={t("newAlbum")} aria-label={t("newAlbum")} />
        <select name="parent" aria-label="parent"><option value="">—</option>{albums.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        <button>{t("create")}</button>
      </form>
      <nav class="tree" data-testid="album-tree">{tree(undefined)}</nav>
    </section>
  );
}

/** One album: its images, a share button and a ZIP export. */
export function AlbumPage(props: { id: string; refreshKey: number }) {
  const [album, setAlbum] = useState<Album | null>(null);
  const [sharing, setSharing] = useState(false);
  useEffect(() => { api<Album>(`/api/v1/albums/${props.id}`).then(setAlbum, () => navigate("/albums")); }, [props.id]);
  return (
    <>
      <p class="album-actions">
        <button onClick={() => setSharing(true)}>{t("share")}</button>
        <a href={`/api/v1/albums/${props.id}/export.zip`} download>ZIP</a>
      </p>
      <Timeline query={`?album=${props.id}`} title={album?.name ?? "…"} refreshKey={props.refreshKey} />
      {sharing && <ShareDialog target={{ albumId: props.id }} onClose={() => setSharing(false)} />}
    </>
  );
}
