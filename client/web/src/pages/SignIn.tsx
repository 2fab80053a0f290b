import { useState } from "preact/hooks";
import { api, ApiError, type Me } from "../api";
import { t } from "../i18n";

/** Password sign-in (the session becomes an HttpOnly cookie); tenants with an OpenID Connect provider also get its button. */
export function SignIn(props: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [tenant, setTenant] = useState(localStorage.getItem("iv.tenant") ?? "default");
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    try {
      const session = await api<{ me: Me }>("/api/v1/auth/sign-in", { method: "POST", body: { tenant, userName: value("user"), password: value("password") } });
      localStorage.setItem("iv.tenant", tenant);
      props.onSignedIn(session.me);
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)); }
  };
  return (
    <form class="sign-in" onSubmit={submit} data-testid="sign-in">
      <h1>ImageVault</h1>
      <label>{t("tenant")} <input name="tenant" value={tenant} onInput={(e) => setTenant((e.target as HTMLInputElement).value)} autocomplete="organization" /></label>
      <label>{t("userName")} <input name="user" autocomplete="username" autofocus /></label>
      <label>{t("password")} <input name="password" type="password" autocomplete="current-password" /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button>{t("signIn")}</button>
      <a class="oidc" href={`/api/v1/auth/oidc/${encodeURIComponent(tenant)}/start?returnUrl=/`}>OpenID Connect</a>
    </form>
  );
}
