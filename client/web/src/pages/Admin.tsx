import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Me } from "../api";
import { t } from "../i18n";

interface Tenant { id: string; status: string; quotas: { maxImages: number; maxBytes: number; uploadsPerMinute: number }; images: number; bytes: number }
interface User { id: string; userName: string; role: string; disabled: boolean }
interface Key { id: string; name: string; scopes: string[]; createdAt: string; revokedAt?: string; lastUsedAt?: string; secret?: string }
interface Audit { id: number; at: string; actor: string; action: string; target?: string; status: number; address?: string }
interface Job { running: boolean; dispatched: number; model?: string; imagesByAnalysis?: Record<string, number> }

/** Tenant administration: usage and quotas, users, your API keys, the audit log, analysis jobs. Keys are for everyone; the rest for tenant admins. */
export function Admin(props: { me: Me }) {
  const isAdmin = props.me.role === "tenantAdmin" || props.me.role === "operator";
  return (
    <section class="page admin">
      <h2>{t("admin")}</h2>
      {isAdmin && <Usage />}
      {isAdmin && <Users />}
      <Keys />
      {isAdmin && <Jobs />}
      {isAdmin && <AuditLog />}
    </section>
  );
}

function Usage() {
  const [tenant, setTenant] = useState<Tenant | null>(null);
  useEffect(() => { api<Tenant>("/api/v1/tenant").then(setTenant); }, []);
  if (!tenant) return null;
  const limit = (v: number) => (v > 0 ? v.toLocaleString() : "∞");
  return (<div><h3>{t("usage")}</h3>
    <p data-testid="usage">{tenant.images.toLocaleString()} / {limit(tenant.quotas.maxImages)} {t("images")} · {tenant.bytes.toLocaleString()} / {limit(tenant.quotas.maxBytes)} {t("bytes")} · {tenant.status}</p></div>);
}

function Users() {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<User[]>("/api/v1/tenant/users").then(setUsers);
  useEffect(() => { void load(); }, []);
  return (<div><h3>{t("users")}</h3>
    <table data-testid="users"><tbody>{users.map((u) => <tr key={u.id}><td>{u.userName}</td><td>
      <select value={u.role} aria-label={t("role")} onChange={async (e) => { await api(`/api/v1/tenant/users/${u.id}`, { method: "PATCH", body: { role: (e.target as HTMLSelectElement).value } }); void load(); }}>
        {["viewer", "editor", "tenantAdmin"].map((r) => <option key={r} value={r}>{r}</option>)}</select></td>
      <td>{u.disabled ? "⊘" : ""}</td></tr>)}</tbody></table>
    <form onSubmit={async (e) => {
      e.preventDefault();
      const f = e.currentTarget as HTMLFormElement;
      const v = (n: string) => (f.elements.namedItem(n) as HTMLInputElement).value;
      try { await api("/api/v1/tenant/users", { method: "POST", body: { userName: v("user"), role: v("role"), password: v("password") } }); f.reset(); setError(null); void load(); }
      catch (err) { setError(err instanceof ApiError ? err.message : String(err)); }
    }}>
      <input name="user" placeholder={t("userName")} /><select name="role">{["viewer", "editor", "tenantAdmin"].map((r) => <option key={r}>{r}</option>)}</select>
      <input name="password" type="password" placeholder={t("password")} autocomplete="new-password" /><button>{t("create")}</button>
      {error && <span class="error">{error}</span>}
    </form></div>);
}

function Keys() {
  const [keys, setKeys] = useState<Key[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const load = () => api<Key[]>("/api/v1/me/keys").then(setKeys);
  useEffect(() => { void load(); }, []);
  return (<div><h3>{t("keys")}</h3>
    {secret && <p class="secret" data-testid="key-secret">{t("secret")} <code>{secret}</code></p>}
    <table><tbody>{keys.map((k) => <tr key={k.id}><td>{k.name}</td><td>{k.scopes.join(", ")}</td><td>{k.revokedAt ? "revoked" : <button onClick={async () => { await api(`/api/v1/me/keys/${k.id}`, { method: "DELETE" }); void load(); }}>×</button>}</td></tr>)}</tbody></table>
    <form onSubmit={async (e) => {
      e.preventDefault();
      const f = e.currentTarget as HTMLFormElement;
      const scopes = ["read", "upload", "edit", "share", "admin"].filter((s) => (f.elements.namedItem(s) as HTMLInputElement).checked);
      const key = await api<Key>("/api/v1/me/keys", { method: "POST", body: { name: (f.elements.namedItem("name") as HTMLInputElement).value || "key", scopes } });
      setSecret(key.secret ?? null); f.reset(); void load();
    }}>
      <input name="name" placeholder={t("name")} />
      {["read", "upload", "edit", "share", "admin"].map((s) => <label key={s}><input type="checkbox" name={s} defaultChecked={s === "read"} />{s}</label>)}
      <button>{t("create")}</button>
    </form></div>);
}

function Jobs() {
  const [job, setJob] = useState<Job | null>(null);
  const load = () => api<Job>("/api/v1/admin/analysis").then(setJob);
  useEffect(() => { void load(); }, []);
  if (!job) return null;
  return (<div><h3>{t("jobs")}</h3>
    <p>{job.model ?? "—"} · {job.running ? "running" : "idle"} · {Object.entries(job.imagesByAnalysis ?? {}).map(([k, v]) => `${k}: ${v}`).join(", ")}
      <button onClick={async () => { await api("/api/v1/admin/analysis", { method: "POST" }); void load(); }}>{t("reanalyse")}</button></p></div>);
}

function AuditLog() {
  const [entries, setEntries] = useState<Audit[]>([]);
  useEffect(() => { api<{ items: Audit[] }>("/api/v1/tenant/audit?limit=100").then((p) => setEntries(p.items)); }, []);
  return (<div><h3>{t("audit")}</h3>
    <table class="audit" data-testid="audit"><tbody>{entries.map((e) => <tr key={e.id}><td>{new Date(e.at).toLocaleString()}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.target}</td><td>{e.status}</td><td>{e.address}</td></tr>)}</tbody></table></div>);
}
