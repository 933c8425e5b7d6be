import { createContext, useContext } from "react";
import type { Viewer } from "../api/types";
import { deniedReason, type Capability } from "../shared/scopes";

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("Signed-in screens need a viewer.");
  return viewer;
}

/** Why the signed-in key cannot do this, or null when it can. */
export function useDenied(capability: Capability): string | null {
  return deniedReason(useViewer().scopes, capability);
}
