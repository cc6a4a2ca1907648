import { loadConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { ListParseError } from "../../src/papers/index.js";
import type { Services } from "../../src/services.js";
import { buildServices } from "../services.js";
import { badInput, cannotRead, CliFailure } from "./io.js";

/** The validated config; throws the configuration problems, each naming its variable, as bad input. */
export function cliConfig(): Config {
  const loaded = loadConfig();
  if (!loaded.ok) {
    const [first, ...rest] = loaded.problems.map((p) => `${p.variable} ${p.message}`);
    throw badInput(`the configuration is invalid: ${first ?? "unknown problem"}`, rest.length > 0 ? rest.map((line) => `  ${line}`).join("\n") : undefined);
  }
  return loaded.config;
}

/** The validated config and services for a CLI command; throws (as a CliFailure) what stops them. */
export async function cliServices(config: Config = cliConfig()): Promise<{ config: Config; services: Services }> {
  try {
    return { config, services: await buildServices(config, silentLogger()) };
  } catch (error) {
    const path = config.upstream.kind === "url" ? config.bundledListPath : config.upstream.path;
    if (error instanceof ListParseError) {
      throw new CliFailure("failed", `the list at ${path} cannot be read: ${error.message}`, "Nothing was stored yet on this database; point MSS_UPSTREAM_URL at a paper list (a markdown table) and run mss-bot sync.");
    }
    if ((error as NodeJS.ErrnoException).code && (error as NodeJS.ErrnoException).path) throw cannotRead(path, error);
    throw error;
  }
}
