// Bundles the UI into the silo project's webui folder (copied beside the silo binaries): one script, one stylesheet, the page. No inline script or
// style anywhere, so the silo's strict Content-Security-Policy (script-src 'self') holds.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

const out = process.env.IMAGEVAULT_WEB_OUT ?? "../../silo/ImageVault.Silo/webui";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.tsx"],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: `${out}/app.js`,
});
copyFileSync("src/app.css", `${out}/app.css`);
copyFileSync("src/index.html", `${out}/index.html`);
