import type { Upstream } from "./upstream.js";

/** The name a source's state is stored under: switching sources starts a new baseline. */
export function sourceId(upstream: Upstream): string {
  switch (upstream.kind) {
    case "bundled":
      return "bundled";
    case "file":
      return `file:${upstream.path}`;
    case "url":
      return upstream.url;
  }
}
