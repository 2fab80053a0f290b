import { useState } from "preact/hooks";
import { api, ApiError } from "../api";
import { t } from "../i18n";

interface Link { id: string; token: string }

/** Creates a share link for an image or an album; the address is shown once, ready to copy. */
export function ShareDialog(props: { target: { imageId?: string; albumId?: string }; onClose: () => void }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement);
    const days = Number(value("days").value);
    try {
      const created = await api<Link>("/api/v1/shares", {
        method: "POST",
        body: {
          ...props.target,
          permissions: value("download").checked ? ["downloadOriginal"] : [],
          includeLocation: value("location").checked,
          password: value("password").value || undefined,
          expiresAt: days > 0 ? new Date(Date.now() + days * 86400000).toISOString() : undefined,
        },
      });
      setLink(`${location.origin}/s/${created.token}`);
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)); }
  };
  return (
    <dialog open class="dialog" data-testid="share-dialog">
      <h3>{t("shareLink")}</h3>
      {link ? <p><input readOnly value={link} data-testid="share-url" /><button onClick={() => navigator.clipboard?.writeText(link)}>{t("copy")}</button></p>
        : <form onSubmit={submit}>
            <label><input type="checkbox" name="download" /> {t("allowDownload")}</label>
            <label><input type="checkbox" name="location" /> {t("includeLocation")}</label>
            <label>{t("password")} <input type="password" name="password" autocomplete="new-password" /></label>
            <label>{t("expires")} <input type="number" name="days" min="0" /></label>
            {error && <p class="error">{error}</p>}
            <button>{t("create")}</button>
          </form>}
      <button class="close" onClick={props.onClose}>×</button>
    </dialog>
  );
}
