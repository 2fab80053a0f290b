import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { t } from "../i18n";

interface Group { id: string; imageIds: string[]; minSimilarity: number; thumbnails: string[] }

/** Near-duplicate groups to review: keep one and trash or stack the others, or say they are not duplicates. */
export function Duplicates() {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [keep, setKeep] = useState<Record<string, string>>({});
  const load = () => api<{ groups: Group[] }>("/api/v1/duplicates").then((d) => setGroups(d.groups));
  useEffect(() => { void load(); }, []);
  const resolve = async (group: Group, action: string) => {
    await api(`/api/v1/duplicates/${group.id}/resolve`, { method: "POST", body: { action, keep: keep[group.id] ?? group.imageIds[0], merge: true } });
    void load();
  };
  if (!groups) return <section class="page"><p>…</p></section>;
  return (
    <section class="page">
      <h2>{t("duplicates")}</h2>
      {groups.length === 0 && <p class="empty">{t("noDuplicates")}</p>}
      {groups.map((g) => (
        <article class="dup-group" key={g.id} data-testid="duplicate-group">
          <div class="strip">{g.imageIds.map((id, i) => (
            <label key={id} class={(keep[g.id] ?? g.imageIds[0]) === id ? "keep" : ""}>
              <input type="radio" name={`keep-${g.id}`} checked={(keep[g.id] ?? g.imageIds[0]) === id} onChange={() => setKeep({ ...keep, [g.id]: id })} />
              <img src={g.thumbnails[i]} alt={id} /> {t("keep")}
            </label>))}
          </div>
          <p>{Math.round(g.minSimilarity * 100)}%
            <button onClick={() => resolve(g, "trash")}>{t("trashOthers")}</button>
            <button onClick={() => resolve(g, "stack")}>{t("stack")}</button>
            <button onClick={() => resolve(g, "dismiss")}>{t("dismiss")}</button></p>
        </article>))}
    </section>
  );
}
