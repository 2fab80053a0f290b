import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Hit } from "../api";
import { blurhashUrl } from "../blurhash";
import { t } from "../i18n";

const Cell = 190, Header = 44, Overscan = 600;

type Row = { top: number; height: number; header?: string; items?: Hit[] };

/**
 * A virtualised grid: only the rows near the viewport exist in the page, so 100 000 images scroll like
 * 100. Rows are grouped by capture day when asked. More pages load as the end comes near.
 */
export function Grid(props: {
  items: Hit[]; grouped?: boolean; onOpen: (id: string, index: number) => void; onMore?: () => void;
  selected?: Set<string>; onToggle?: (id: string) => void; thumbnail?: (hit: Hit) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800, width: 1000 });
  useEffect(() => {
    const el = box.current!;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth });
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    addEventListener("resize", measure);
    return () => { el.removeEventListener("scroll", measure); removeEventListener("resize", measure); };
  }, []);

  const columns = Math.max(1, Math.floor(view.width / Cell));
  const rows = useMemo(() => layout(props.items, columns, !!props.grouped), [props.items, columns, props.grouped]);
  const total = rows.length ? rows[rows.length - 1].top + rows[rows.length - 1].height : 0;
  useEffect(() => { if (props.onMore && total - (view.top + view.height) < 1500) props.onMore(); }, [view, total]);

  const visible = rows.filter((r) => r.top + r.height > view.top - Overscan && r.top < view.top + view.height + Overscan);
  const index = new Map(props.items.map((h, i) => [h.id, i]));
  return (
    <div class="grid" ref={box} data-testid="grid">
      <div class="grid-space" style={{ height: `${total}px` }}>
        {visible.map((row) => row.header !== undefined
          ? <h3 class="grid-header" key={`h${row.top}`} style={{ top: `${row.top}px` }}>{row.header}</h3>
          : <div class="grid-row" key={`r${row.top}`} style={{ top: `${row.top}px` }}>
              {row.items!.map((hit) => (
                <figure class={`cell${props.selected?.has(hit.id) ? " selected" : ""}`} key={hit.id} data-id={hit.id}
                  style={{ backgroundImage: blurhashUrl(hit.placeholder) ? `url(${blurhashUrl(hit.placeholder)})` : undefined }}
                  onClick={(e) => props.selected && (props.selected.size > 0 || e.shiftKey) ? props.onToggle?.(hit.id) : props.onOpen(hit.id, index.get(hit.id)!)}>
                  <Thumb src={props.thumbnail ? props.thumbnail(hit) : hit.thumbnail} alt={hit.title ?? hit.fileName} />
                  {props.onToggle && <input type="checkbox" class="pick" aria-label={t("select")} checked={props.selected?.has(hit.id)}
                    onClick={(e) => { e.stopPropagation(); props.onToggle!(hit.id); }} />}
                </figure>
              ))}
            </div>)}
      </div>
      {props.items.length === 0 && <p class="empty">{t("noImages")}</p>}
    </div>
  );
}

/** A lazily loaded thumbnail over its placeholder; a fresh upload's thumbnail may not exist yet, so a miss is retried a few times. */
function Thumb(props: { src: string; alt: string }) {
  const [attempt, setAttempt] = useState(0);
  return <img loading="lazy" src={attempt ? `${props.src}?retry=${attempt}` : props.src} alt={props.alt}
    onLoad={(e) => (e.currentTarget as HTMLImageElement).classList.add("loaded")}
    onError={() => { if (attempt < 8) setTimeout(() => setAttempt((a) => a + 1), 500 * (attempt + 1)); }} />;
}

function layout(items: Hit[], columns: number, grouped: boolean): Row[] {
  const rows: Row[] = [];
  let top = 0, group: string | null = null, current: Hit[] = [];
  const flush = () => { if (current.length) { rows.push({ top, height: Cell, items: current }); top += Cell; current = []; } };
  for (const hit of items) {
    const day = grouped ? (hit.capturedAt?.slice(0, 10) ?? t("undated")) : "";
    if (grouped && day !== group) { flush(); rows.push({ top, height: Header, header: day }); top += Header; group = day; }
    current.push(hit);
    if (current.length === columns) flush();
  }
  flush();
  return rows;
}
