import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, HTTPError } from "discord.js";

/** One readable line about why logging in to Discord failed (never the token). */
export function describeLoginError(error: unknown): string {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) return "Discord rejected DISCORD_TOKEN (401 Unauthorized); check the bot token";
  if (error instanceof DiscordAPIError) return `Discord answered ${error.status}: ${error.message}`;
  if (error instanceof HTTPError) return `Discord answered ${error.status} ${error.message}`;
  if (error instanceof Error) {
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return `cannot reach Discord (${code})`;
    }
    return error.message.split("\n")[0] ?? "unknown error";
  }
  return String(error);
}
