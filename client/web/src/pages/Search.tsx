import { useState } from "preact/hooks";
import { Grid } from "../components/Grid";
import { t } from "../i18n";
import { usePagedSearch, rememberContext } from "../paged";
import { navigate, query } from "../router";

const facetParams: Record<string, string> = { tags: "tag", places: "place", cameras: "camera", years: "year", colours: "colour" };
const facetTitle: Record<string, Parameters<typeof t>[0]> = { tags: "tags", places: "places", cameras: "camera", years: "year", colours: "colour" };

/** Search with words, filters and facets (tags, cameras, years, colours); filters live in the address, so results can be bookmarked. */
export function Search() {
  const params = new URLSearchParams(location.search);
  const [text, setText] = useState(query("q") ?? "");
  const { items, total, facets, more } = usePagedSearch(`?${params.toString()}`);
  const go = (next: URLSearchParams) => navigate(`/search?${next.toString()}`);
  const toggle = (name: string, value: string) => {
    const next = new URLSearchParams(location.search);
    if (name === "years") { // a year is a capture-date range; one at a time
      const on = next.get("capturedFrom") === `${value}-01-01`;
      next.delete("capturedFrom"); next.delete("capturedTo");
      if (!on) { next.set("capturedFrom", `${value}-01-01`); next.set("capturedTo", `${value}-12-31`); }
      return go(next);
    }
    const param = facetParams[name] ?? name;
    const values = next.getAll(param);
    next.delete(param);
    for (const v of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) next.append(param, v);
    go(next);
  };
  return (
    <section class="page search">
      <form class="search-box" onSubmit={(e) => { e.preventDefault(); const next = new URLSearchParams(location.search); next.set("q", text); go(next); }}>
        <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} placeholder={t("search")} aria-label={t("search")} />
        <span>{total} {t("results")}</span>
      </form>
      <div class="facets" data-testid="facets">
        {Object.entries(facets).filter(([name]) => facetParams[name]).map(([name, values]) => (
          <div key={name}><h4>{t(facetTitle[name])}</h4>
            {values.slice(0, 12).map((v) => <button key={v.value} class={(name === "years" ? params.get("capturedFrom") === `${v.value}-01-01` : params.getAll(facetParams[name]).includes(v.value)) ? "on" : ""}
              onClick={() => toggle(name, v.value)}>{v.value} <small>{v.count}</small></button>)}</div>))}
      </div>
      <Grid items={items} onOpen={(id) => { rememberContext(items.map((h) => h.id)); navigate(`/images/${id}`); }} onMore={more} />
    </section>
  );
}
