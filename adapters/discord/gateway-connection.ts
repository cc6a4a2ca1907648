import { once } from "node:events";
import { Client, Events, GatewayIntentBits, type RESTOptions } from "discord.js";
import type { Logger } from "../../src/log.js";
import { backoffDelay, type RetryPolicy } from "./backoff.js";
import { CLIENT_CACHES } from "./client-caches.js";
import { describeLoginError } from "./login-error.js";

export interface GatewayConnectionOptions {
  token: string;
  rest: Partial<RESTOptions>;
  log: Logger;
  retry: RetryPolicy;
  /** Attaches the bot's event handlers to each freshly built client. */
  setup(client: Client): void;
  /** Runs when a client became ready (registration); must not throw. */
  onReady(client: Client<true>): Promise<void>;
}

type Attempt = { ok: true; client: Client<true> } | { ok: false; reason: string };

const seconds = (ms: number) => `${ms / 1000}s`;

/**
 * Keeps one discord.js client logged in, and never throws to the caller, so the
 * rest of the bot keeps running whatever Discord does.
 *
 * Two layers of retrying, because discord.js already owns one of them:
 * - a login that fails (token rejected, API unreachable or failing, the gateway
 *   closing for good) is logged in one line and retried here, on a new client,
 *   with exponential backoff;
 * - a gateway WebSocket that cannot be reached, or drops, is reconnected (or
 *   resumed) by discord.js itself, every half second. Destroying a client in the
 *   middle of that loop leaves its shard reconnecting in the background (its
 *   destroy() is a no-op between two attempts), so here the client is kept and
 *   one line is logged when the gateway stays away longer than readyTimeoutMs.
 */
export class GatewayConnection {
  private client: Client | null = null;
  private state: { ready: boolean; reason?: string } = { ready: false, reason: "not started" };
  private stopped = true;
  private stopController = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly options: GatewayConnectionOptions) {}

  status(): { ready: boolean; reason?: string } {
    return { ...this.state };
  }

  /** The logged-in client while the connection is ready, else null. */
  readyClient(): Client<true> | null {
    return this.state.ready && this.client?.isReady() ? this.client : null;
  }

  /**
   * Starts connecting; resolves once the first attempt is over: ready, failed
   * (and retrying in the background), or still waiting for the gateway after readyTimeoutMs.
   */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopController = new AbortController();
    await new Promise<void>((firstDone) => {
      this.loop = this.run(firstDone);
    });
  }

  /**
   * Logs out. Known limit: stopped while discord.js is between two attempts to
   * reach an unreachable gateway, its shard keeps retrying until the process
   * exits (which app/main does right after stopping).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopController.abort();
    await this.client?.destroy().catch(() => undefined);
    this.client = null;
    await this.loop;
    this.state = { ready: false, reason: "stopped" };
  }

  private async run(firstDone: () => void): Promise<void> {
    const { log, retry } = this.options;
    let failures = 0;
    while (!this.stopped) {
      const attempt = await this.connectOnce(firstDone);
      if (this.stopped) break;
      if (attempt.ok) {
        failures = 0;
        firstDone();
        const lost = await this.untilClosedForGood(attempt.client);
        if (this.stopped) break;
        await attempt.client.destroy().catch(() => undefined);
        failures = 1;
        this.state = { ready: false, reason: lost };
        log.error(`discord: ${lost}; logging in again in ${seconds(backoffDelay(failures, retry))}`);
      } else {
        failures++;
        this.state = { ready: false, reason: attempt.reason };
        log.error(`discord: login failed (attempt ${failures}): ${attempt.reason}; retrying in ${seconds(backoffDelay(failures, retry))}`);
        firstDone();
      }
      await this.sleep(backoffDelay(failures, retry));
    }
    firstDone();
  }

  private async connectOnce(firstDone: () => void): Promise<Attempt> {
    const { token, rest, retry, log } = this.options;
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest, allowedMentions: { parse: [] }, ...CLIENT_CACHES });
    this.client = client;
    client.on(Events.Error, (error) => log.error({ err: error }, "discord: client error"));
    client.on(Events.ShardError, (error) => log.warn({ err: error }, "discord: gateway connection error"));
    this.options.setup(client);
    const slow = setTimeout(() => {
      this.state = { ready: false, reason: `no READY from the Discord gateway within ${seconds(retry.readyTimeoutMs)}; still trying` };
      log.warn(`discord: logged in to the API, but the gateway did not become ready within ${seconds(retry.readyTimeoutMs)}; still trying`);
      firstDone();
    }, retry.readyTimeoutMs);
    // One controller per attempt, aborted at stop and when the attempt is over, so nothing waits on a dead client.
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    this.stopController.signal.addEventListener("abort", stop);
    try {
      const ready = once(client, Events.ClientReady, { signal: attempt.signal });
      const stopped = new Promise<never>((_, reject) => attempt.signal.addEventListener("abort", () => reject(new Error("stopped")), { once: true }));
      await Promise.race([Promise.all([client.login(token), ready]), stopped]);
      if (!client.isReady()) throw new Error("the client is not ready after login");
      this.state = { ready: true };
      log.info(`discord: connected as ${client.user.tag} to ${client.guilds.cache.size} server(s)`);
      await this.options.onReady(client);
      return { ok: true, client };
    } catch (error) {
      // Safe here: login() rejects before any shard exists (REST errors) or after the gateway closed for good.
      await client.destroy().catch(() => undefined);
      if (this.client === client) this.client = null;
      return { ok: false, reason: describeLoginError(error) };
    } finally {
      clearTimeout(slow);
      this.stopController.signal.removeEventListener("abort", stop);
      attempt.abort();
    }
  }

  /**
   * Follows a ready client: short drops are resumed by discord.js (one line
   * when one lasts longer than readyTimeoutMs). Resolves with a reason when the
   * gateway closed for good (bad token, disallowed intents), or at stop.
   */
  private untilClosedForGood(client: Client<true>): Promise<string> {
    const { log, retry } = this.options;
    const signal = this.stopController.signal;
    return new Promise((resolve) => {
      let down: NodeJS.Timeout | undefined;
      const onDisconnect = (event: { code: number }) => done(`the gateway closed the connection for good (code ${event.code})`);
      const onBack = () => {
        clearTimeout(down);
        down = undefined;
        if (!this.state.ready) log.info("discord: gateway connection restored");
        this.state = { ready: true };
      };
      const onReconnecting = () => {
        this.state = { ready: false, reason: "reconnecting to the Discord gateway" };
        down ??= setTimeout(() => log.warn(`discord: the gateway connection has been down for ${seconds(retry.readyTimeoutMs)}; still reconnecting`), retry.readyTimeoutMs);
      };
      const onStop = () => done("stopped");
      const done = (reason: string) => {
        clearTimeout(down);
        client.off(Events.ShardDisconnect, onDisconnect).off(Events.ShardResume, onBack).off(Events.ShardReady, onBack).off(Events.ShardReconnecting, onReconnecting);
        signal.removeEventListener("abort", onStop);
        resolve(reason);
      };
      if (signal.aborted) return done("stopped");
      signal.addEventListener("abort", onStop);
      client.on(Events.ShardDisconnect, onDisconnect).on(Events.ShardResume, onBack).on(Events.ShardReady, onBack).on(Events.ShardReconnecting, onReconnecting);
    });
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.stopController.signal;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done);
    });
  }
}
