import { REST, Routes } from "discord.js";
import { buildCommands } from "../../adapters/discord/registration/build-commands.js";
import { registerCommands } from "../../adapters/discord/registration/register-commands.js";
import { clientRestOptions } from "../../adapters/discord/rest-options.js";
import { describeProblems, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { buildServices } from "../services.js";
import { EXIT, printJson, type CliIo } from "./io.js";

export const DISCORD_USAGE = "mss-bot discord register [--dry-run]";

const appIdOf = (app: unknown): string | undefined =>
  typeof app === "object" && app !== null && "id" in app && typeof app.id === "string" ? app.id : undefined;

/**
 * `mss-bot discord register`: prints the slash-command JSON generated from the
 * core registry and, unless --dry-run, PUTs it (always: this is an explicit
 * request, so the stored hash is not consulted) to the server of
 * DISCORD_GUILD_ID, or globally.
 */
export async function runDiscordRegister(args: string[], io: CliIo): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const rest = args.filter((a) => a !== "--dry-run");
  if (rest.length !== 1 || rest[0] !== "register") {
    io.err(`usage: ${DISCORD_USAGE}\n`);
    return EXIT.badInput;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    io.err(`${describeProblems(loaded.problems)}\n`);
    return EXIT.badInput;
  }
  const { discord } = loaded.config;
  if (!dryRun && !discord) {
    io.err("error: DISCORD_TOKEN is not set; use --dry-run to only print the definitions\n");
    return EXIT.badInput;
  }
  const services = await buildServices(loaded.config, silentLogger());
  const body = buildCommands(services.commands.commands, services.catalog.list.legend, services.catalog.listIds);
  printJson(io, body);
  if (dryRun || !discord) {
    services.store.close();
    return EXIT.ok;
  }

  const client = new REST(clientRestOptions(discord)).setToken(discord.token);
  try {
    const appId = discord.appId ?? appIdOf(await client.get(Routes.currentApplication()));
    if (!appId) throw new Error("Discord did not say which application the token belongs to; set DISCORD_APP_ID");
    const { guildId } = discord;
    // The stored hash is updated too, so the next start does not register the same definitions again.
    await registerCommands({ rest: client, appId, ...(guildId ? { guildId } : {}) }, body, services.store.settings, true);
    io.err(`registered ${body.length} commands ${guildId ? `on server ${guildId}` : "globally (may take up to an hour to appear)"}\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`error: registering failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.noResult;
  } finally {
    client.clearHashSweeper();
    client.clearHandlerSweeper();
    services.store.close();
  }
}
