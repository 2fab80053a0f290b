// A small history router: paths are the app's pages, the silo answers every one with index.html.
import { useEffect, useState } from "preact/hooks";

export function navigate(path: string) {
  history.pushState(null, "", path);
  dispatchEvent(new Event("iv:navigate"));
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const update = () => setPath(location.pathname + location.search);
    addEventListener("popstate", update);
    addEventListener("iv:navigate", update);
    return () => { removeEventListener("popstate", update); removeEventListener("iv:navigate", update); };
  }, []);
  return path;
}

/** Matches "/images/:id" style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/"), actual = path.split("?")[0].split("/");
  if (p.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(actual[i]);
    else if (p[i] !== actual[i]) return null;
  }
  return params;
}

export const query = (name: string) => new URLSearchParams(location.search).get(name);
