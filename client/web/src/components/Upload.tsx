import { useEffect, useState } from "preact/hooks";
import { uploadFile, type UploadItem } from "../api";
import { t } from "../i18n";

interface Row { file: File; sent: number; result?: UploadItem }

/**
 * Upload by drag-and-drop anywhere on the page or by the file picker: three files at a time, a bar per
 * file, and a summary of what was new, what the library already had and what was refused (with why).
 */
export function Upload(props: { onUploaded: () => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);

  const start = async (files: File[]) => {
    const fresh = files.map((file) => ({ file, sent: 0 }) as Row);
    setRows((old) => [...old, ...fresh]);
    const queue = [...fresh];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const current = row;
        const result = await uploadFile(current.file, (sent) => { current.sent = sent; setRows((r) => [...r]); });
        current.result = result;
        setRows((r) => [...r]);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    props.onUploaded();
  };

  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes("Files")) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = (e: DragEvent) => { e.preventDefault(); setDragging(false); if (e.dataTransfer?.files.length) void start([...e.dataTransfer.files]); };
    addEventListener("dragover", over); addEventListener("dragleave", leave); addEventListener("drop", drop);
    return () => { removeEventListener("dragover", over); removeEventListener("dragleave", leave); removeEventListener("drop", drop); };
  }, []);

  const done = rows.filter((r) => r.result);
  const count = (o: string) => done.filter((r) => r.result!.outcome === o).length;
  return (
    <div class={`upload${dragging ? " dragging" : ""}`}>
      <label class="picker">{t("dropHere")} <span class="link">{t("choose")}</span>
        <input type="file" multiple accept="image/*" data-testid="file-input" onChange={(e) => { const input = e.target as HTMLInputElement; if (input.files) void start([...input.files]); input.value = ""; }} />
      </label>
      {rows.length > 0 && <div class="progress-list" data-testid="upload-list">
        <p class="summary" data-testid="upload-summary">{count("created")} {t("created")} · {count("duplicate")} {t("duplicate")} · {count("refused")} {t("refused")}
          <button onClick={() => setRows([])}>×</button></p>
        {rows.filter((r) => !r.result || r.result.outcome === "refused").slice(0, 50).map((r, i) => (
          <div class="file" key={`${r.file.name}${i}`}>
            <span>{r.file.name}</span>
            {r.result ? <span class="error">{r.result.errorDetail ?? r.result.errorCode}</span>
              : <progress max={r.file.size} value={r.sent} />}
          </div>))}
      </div>}
    </div>
  );
}
