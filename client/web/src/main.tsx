import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Me } from "./api";
import { Upload } from "./components/Upload";
import { t, toggleLanguage } from "./i18n";
import { Admin } from "./pages/Admin";
import { AlbumPage, Albums } from "./pages/Albums";
import { Detail } from "./pages/Detail";
import { Duplicates } from "./pages/Duplicates";
import { Search } from "./pages/Search";
import { SharedPage } from "./pages/Shared";
import { SignIn } from "./pages/SignIn";
import { Timeline } from "./pages/Timeline";
import { match, navigate, usePath } from "./router";

/** The shell: who is signed in, the navigation, the upload panel, and the page for the address. */
function App() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [, setLanguage] = useState(0);
  const [refresh, setRefresh] = useState(0);
  useEffect(() => { api<Me>("/api/v1/me").then(setMe, (e) => setMe(e instanceof ApiError && e.status === 401 ? null : null)); }, []);

  // Links inside the app change the page without a reload.
  useEffect(() => {
    const click = (e: MouseEvent) => {
      const a = (e.target as HTMLElement).closest("a");
      if (a && a.origin === location.origin && !a.hasAttribute("download") && !a.pathname.startsWith("/api/") && !e.ctrlKey && !e.metaKey) { e.preventDefault(); navigate(a.pathname + a.search); }
    };
    addEventListener("click", click);
    return () => removeEventListener("click", click);
  }, []);

  const shared = match("/s/:token", path);
  if (shared) return <SharedPage token={shared.token} />;
  if (me === undefined) return <p class="loading">…</p>;
  if (me === null) return <SignIn onSignedIn={setMe} />;

  let page;
  let p: Record<string, string> | null;
  if ((p = match("/images/:id", path))) page = <Detail id={p.id} />;
  else if ((p = match("/albums/:id", path))) page = <AlbumPage id={p.id} refreshKey={refresh} />;
  else if (match("/albums", path)) page = <Albums />;
  else if (match("/search", path)) page = <Search />;
  else if (match("/duplicates", path)) page = <Duplicates />;
  else if (match("/admin", path)) page = <Admin me={me} />;
  else page = <Timeline refreshKey={refresh} />;

  return (
    <>
      <nav class="top">
        <a href="/" class="brand">ImageVault</a>
        <a href="/">{t("timeline")}</a><a href="/albums">{t("albums")}</a><a href="/search">{t("search")}</a>
        <a href="/duplicates">{t("duplicates")}</a><a href="/admin">{t("admin")}</a>
        <span class="spacer" />
        <button class="lang" onClick={() => { toggleLanguage(); setLanguage((n) => n + 1); }}>{t("language")}</button>
        <span class="who">{me.displayName} · {me.tenant}</span>
        <button onClick={async () => { await api("/api/v1/auth/sign-out", { method: "POST" }); setMe(null); }}>{t("signOut")}</button>
      </nav>
      <Upload onUploaded={() => setRefresh((n) => n + 1)} />
      <main>{page}</main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
