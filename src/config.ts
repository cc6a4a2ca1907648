import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import cron from "node-cron";
import { z } from "zod";
import { packageRoot } from "./paths.js";

/**
 * The bot's whole configuration: environment variables (a .env file is read if
 * present), validated once at start-up. This is the only module that reads
 * process.env; everything else receives a Config.
 */

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const cronExpr = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => cron.validate(v), { message: 'must be a cron expression like "*/30 * * * *"' });

const flagVar = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      if (["1", "true", "yes", "on"].includes(v)) return true;
      if (["0", "false", "no", "off"].includes(v)) return false;
      ctx.addIssue({ code: "custom", message: "must be true or false" });
      return z.NEVER;
    });

const intVar = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    });

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional();

const timeZone = z
  .string()
  .trim()
  .default("UTC")
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone like "Europe/Berlin" or "UTC"' },
  );

export const EnvSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, "must be the numeric application id").optional()),
  DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, "must be a numeric server (guild) id").optional()),
  DISCORD_API_URL: optionalText.pipe(httpUrl),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(httpUrl),
  SLACK_ADMIN_USER_IDS: optionalText,
  PORT: intVar(3000, 0, 65535),
  MSS_UPSTREAM_URL: optionalText,
  MSS_DB_PATH: optionalText,
  MSS_SYNC_CRON: cronExpr("*/30 * * * *"),
  MSS_READING_CRON: cronExpr("0 9 * * 1"),
  MSS_TZ: timeZone,
  MSS_ANNOUNCE_CHANGES: flagVar(true),
  MSS_MAX_ANNOUNCE: intVar(10, 1, 1000),
  MSS_ENRICH: flagVar(true),
  MSS_ARXIV_API_URL: optionalText.pipe(httpUrl),
  MSS_DBLP_API_URL: optionalText.pipe(httpUrl),
  MSS_S2_API_URL: optionalText.pipe(httpUrl),
  MSS_S2_API_KEY: optionalText,
  LOG_LEVEL: optionalText.pipe(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "must be one of trace, debug, info, warn, error, fatal, silent" }).optional()),
});

export type Upstream = { kind: "bundled"; path: string } | { kind: "file"; path: string } | { kind: "url"; url: string };

export interface Config {
  discord: { token: string; appId?: string; guildId?: string; apiUrl?: string } | null;
  slack: { botToken: string; appToken?: string; signingSecret?: string; apiUrl?: string; adminUserIds: string[] } | null;
  port: number;
  upstream: Upstream;
  bundledListPath: string;
  /** The bundled metadata snapshot (data/paper-records.json): records shown with no network. */
  recordSnapshotPath: string;
  dbPath: string;
  syncCron: string;
  readingCron: string;
  timeZone: string;
  announceChanges: boolean;
  maxAnnounce: number;
  /** Scholarly metadata (src/scholar): off means no outside request at all. */
  scholar: ScholarConfig;
  logLevel: string;
}

export interface ScholarConfig {
  enrich: boolean;
  arxivUrl: string;
  dblpUrl: string;
  s2Url: string;
  s2ApiKey?: string;
}

export const SCHOLAR_DEFAULT_URLS = { arxiv: "http://export.arxiv.org", dblp: "https://dblp.org", s2: "https://api.semanticscholar.org" } as const;

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

export const BUNDLED_LIST = "data/papers.md";
export const BUNDLED_RECORDS = "data/paper-records.json";

/** Reads MSS_UPSTREAM_URL's value (or a --source flag): an http(s) URL or a file path. */
export function upstreamOf(value: string | undefined, bundled: string): Upstream | ConfigProblem {
  if (value === undefined) return { kind: "bundled", path: bundled };
  if (/^https?:\/\//i.test(value)) {
    return httpUrl.safeParse(value).success ? { kind: "url", url: value } : { variable: "MSS_UPSTREAM_URL", message: "must be an http(s) URL or a file path" };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { variable: "MSS_UPSTREAM_URL", message: "must be an http(s) URL or a file path" };
  return { kind: "file", path: isAbsolute(value) ? value : resolve(value) };
}

/** Validates an environment; every problem is reported, each naming its variable. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message })) };
  }
  const e = parsed.data;
  const problems: ConfigProblem[] = [];
  const root = packageRoot();
  const bundledListPath = resolve(root, BUNDLED_LIST);
  const upstream = upstreamOf(e.MSS_UPSTREAM_URL, bundledListPath);
  if ("variable" in upstream) problems.push(upstream);
  else if (upstream.kind === "file" && !existsSync(upstream.path)) problems.push({ variable: "MSS_UPSTREAM_URL", message: `no file at ${upstream.path}` });

  if (e.DISCORD_APP_ID && !e.DISCORD_TOKEN) problems.push({ variable: "DISCORD_TOKEN", message: "is required when DISCORD_APP_ID is set" });
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push({ variable: "SLACK_SIGNING_SECRET", message: "is required for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)" });
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    problems.push({ variable: "SLACK_BOT_TOKEN", message: "is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set" });
  }
  const adminIds = (e.SLACK_ADMIN_USER_IDS ?? "").split(/[\s,]+/).filter(Boolean);
  if (adminIds.some((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id))) {
    problems.push({ variable: "SLACK_ADMIN_USER_IDS", message: "must be Slack user ids like U012ABCDEF, separated by commas" });
  }
  if (problems.length > 0 || "variable" in upstream) return { ok: false, problems };

  const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    ok: true,
    config: {
      discord: e.DISCORD_TOKEN ? compact({ token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL }) : null,
      slack: e.SLACK_BOT_TOKEN
        ? compact({ botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL, adminUserIds: adminIds })
        : null,
      port: e.PORT,
      upstream,
      bundledListPath,
      recordSnapshotPath: resolve(root, BUNDLED_RECORDS),
      dbPath: e.MSS_DB_PATH ? resolve(e.MSS_DB_PATH) : resolve(root, "data/mss-bot.db"),
      syncCron: e.MSS_SYNC_CRON,
      readingCron: e.MSS_READING_CRON,
      timeZone: e.MSS_TZ,
      announceChanges: e.MSS_ANNOUNCE_CHANGES,
      maxAnnounce: e.MSS_MAX_ANNOUNCE,
      scholar: compact({
        enrich: e.MSS_ENRICH,
        arxivUrl: e.MSS_ARXIV_API_URL ?? SCHOLAR_DEFAULT_URLS.arxiv,
        dblpUrl: e.MSS_DBLP_API_URL ?? SCHOLAR_DEFAULT_URLS.dblp,
        s2Url: e.MSS_S2_API_URL ?? SCHOLAR_DEFAULT_URLS.s2,
        s2ApiKey: e.MSS_S2_API_KEY,
      }),
      // The console chat shares the terminal with the log: only warnings there, unless asked.
      logLevel: e.LOG_LEVEL ?? (e.DISCORD_TOKEN || e.SLACK_BOT_TOKEN ? "info" : "warn"),
    },
  };
}

/** Reads .env (if present, without overriding the real environment) and validates process.env. */
export function loadConfig(): ConfigResult {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}

/** The lines a person reads when the configuration is wrong. */
export function describeProblems(problems: ConfigProblem[]): string {
  return ["Configuration error:", ...problems.map((p) => `  ${p.variable} ${p.message}`)].join("\n");
}

/** The secret values of a config, for the log scrubber and for masking. */
export function configSecrets(config: Config): string[] {
  return [config.discord?.token, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, config.scholar.s2ApiKey].filter((s): s is string => Boolean(s));
}
