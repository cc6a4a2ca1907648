import { describeProblems, loadConfig, upstreamOf, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import type { Services } from "../../src/services.js";
import { buildServices } from "../services.js";
import { EXIT, type CliIo } from "./io.js";

/** The validated config and services for a CLI command, or the exit code after saying what is wrong. */
export async function cliServices(io: CliIo, source?: string): Promise<{ config: Config; services: Services } | number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    io.err(`${describeProblems(loaded.problems)}\n`);
    return EXIT.badInput;
  }
  let config = loaded.config;
  if (source !== undefined) {
    const upstream = upstreamOf(source, config.bundledListPath);
    if ("variable" in upstream) {
      io.err(`error: --source ${upstream.message}\n`);
      return EXIT.badInput;
    }
    config = { ...config, upstream };
  }
  return { config, services: await buildServices(config, silentLogger()) };
}
