import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Image } from "../api";
import { t } from "../i18n";

interface Shared { target: string; permissions: string[]; albumName?: string; images: Image[]; nextCursor?: string }

/** What a share link shows, without signing in: the images, a password form when the link has one. */
export function SharedPage(props: { token: string }) {
  const [shared, setShared] = useState<Shared | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Image | null>(null);
  const base = `/api/v1/shared/${encodeURIComponent(props.token)}`;
  const load = () => api<Shared>(base).then((s) => { setShared(s); setProblem(null); }, (e) => setProblem(e));
  useEffect(() => { void load(); }, [props.token]);

  if (problem?.code === "share.password_required" || problem?.code === "share.password_wrong")
    return (<section class="page shared"><form class="sign-in" onSubmit={async (e) => {
      e.preventDefault();
      const password = ((e.currentTarget as HTMLFormElement).elements.namedItem("password") as HTMLInputElement).value;
      try { await api(`${base}/unlock`, { method: "POST", body: { password } }); void load(); } catch (err) { setProblem(err as ApiError); }
    }}><label>{t("password")} <input type="password" name="password" autofocus /></label><button>OK</button>
      {problem.code === "share.password_wrong" && <p class="error">{problem.message}</p>}</form></section>);
  if (problem) return <section class="page shared"><p class="error" data-testid="share-error">{problem.message}</p></section>;
  if (!shared) return <section class="page"><p>…</p></section>;
  return (
    <section class="page shared" data-testid="shared">
      <h2>{shared.albumName ?? shared.images[0]?.title ?? shared.images[0]?.fileName}</h2>
      <div class="plain-grid">{shared.images.map((img) =>
        <button key={img.id} class="cell" onClick={() => setOpen(img)}><img src={img.links.thumbnails.small} alt={img.fileName} loading="lazy" /></button>)}</div>
      {open && <div class="lightbox" onClick={() => setOpen(null)}>
        <img src={open.links.thumbnails.large ?? open.links.thumbnails.small} alt={open.fileName} />
        {shared.permissions.includes("downloadOriginal") && <a href={open.links.original} download onClick={(e) => e.stopPropagation()}>{t("download")}</a>}
      </div>}
    </section>
  );
}
