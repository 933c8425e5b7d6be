import { useCallback, useEffect, useState } from "react";
import { request, setUnauthenticatedHandler } from "../api/client";
import { VIEWER } from "../api/documents";
import { signOut } from "../api/session";
import type { Viewer } from "../api/types";
import { Loading } from "../shared/ui";
import { Link, navigate, useLocation } from "./router";
import { Routes } from "./Routes";
import { ViewerContext } from "./session";
import { SignInPage } from "./SignInPage";

type Auth = { state: "checking" } | { state: "signedOut"; message: string | null } | { state: "signedIn"; viewer: Viewer };

const NAV: [string, string][] = [
  ["/views", "Views"], ["/accounts", "Accounts"], ["/customers", "Customers"],
  ["/settings/models", "Data models"], ["/settings/developer", "Developer"], ["/settings/integrations", "Integrations"],
];

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: "checking" });
  const { path } = useLocation();

  const loadViewer = useCallback(async () => {
    try {
      const { data } = await request<{ viewer: Viewer }>(VIEWER);
      setAuth({ state: "signedIn", viewer: data!.viewer });
    } catch {
      setAuth((a) => (a.state === "signedOut" ? a : { state: "signedOut", message: null }));
    }
  }, []);

  useEffect(() => {
    // Any 401 (session expired, key revoked) brings the person back here with the server's words.
    setUnauthenticatedHandler((message) => setAuth({ state: "signedOut", message }));
    void loadViewer();
  }, [loadViewer]);

  if (auth.state === "checking") return <main><Loading what="your session" /></main>;
  if (auth.state === "signedOut") return <SignInPage message={auth.message} onSignedIn={loadViewer} />;

  const viewer = auth.viewer;
  return (
    <ViewerContext.Provider value={viewer}>
      <a className="skip" href="#content">Skip to content</a>
      <header className="top">
        <strong className="brand">Gather</strong>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([to, label]) => (
              <li key={to}><Link to={to} aria-current={path.startsWith(to) ? "page" : undefined}>{label}</Link></li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>Team <strong data-testid="team">{viewer.team.name}</strong></span>
          <span> · Scopes <strong data-testid="scopes">{viewer.scopes.join(", ")}</strong></span>
          <a href="/graphql" className="ide">GraphQL IDE</a>
          <button type="button" onClick={async () => {
            await signOut();
            setAuth({ state: "signedOut", message: "You signed out." });
            navigate("/");
          }}>Sign out</button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        <Routes path={path} />
      </main>
    </ViewerContext.Provider>
  );
}
