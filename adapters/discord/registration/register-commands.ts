import { createHash } from "node:crypto";
import { Routes, type REST } from "discord.js";
import type { SettingsStore } from "../../../src/ports.js";
import type { CommandsJson } from "./build-commands.js";

export interface RegisterTarget {
  rest: REST;
  appId: string;
  /** Guild-scoped (instant) when set, else global. */
  guildId?: string;
}

export type RegisterOutcome = "registered" | "unchanged";

export const commandsHash = (body: CommandsJson): string => createHash("sha256").update(JSON.stringify(body)).digest("hex");

/** The settings key of the last registered definitions, per application and scope. */
export const hashKey = (appId: string, guildId: string | undefined): string => `discord.commands.hash:${appId}:${guildId ? `guild:${guildId}` : "global"}`;

/**
 * PUTs the generated definitions (a bulk overwrite: commands no longer defined
 * disappear) unless the hash of exactly this JSON was registered before in
 * this scope. The hash is stored only after Discord accepted the PUT.
 */
export async function registerCommands(target: RegisterTarget, body: CommandsJson, settings: SettingsStore, force = false): Promise<RegisterOutcome> {
  const key = hashKey(target.appId, target.guildId);
  const hash = commandsHash(body);
  if (!force && settings.get(key) === hash) return "unchanged";
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  await target.rest.put(route, { body });
  settings.set(key, hash);
  return "registered";
}
