import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../../src/config.js";
import type { Logger } from "../../src/log.js";
import type { ChatAdapter } from "../../src/ports.js";
import type { Services } from "../../src/services.js";
import { SlackAdmins } from "./admins.js";
import { DEFAULT_ACK_DEADLINE_MS } from "./answer.js";
import { SlackAnnouncer } from "./announcer.js";
import { boltLogger } from "./bolt-logger.js";
import { SlackCommandRunner } from "./command-runner.js";
import { classifySlackError } from "./delivery-errors.js";
import { HttpEndpoint } from "./http-endpoint.js";
import { registerListeners } from "./listeners.js";
import { screenSlackRequest } from "./request-screen.js";
import { DEFAULT_BACKOFF, RetryLoop, type Backoff } from "./retry-loop.js";
import { SlackImageUploader } from "./upload-image.js";
import { DEFAULT_WEB_TIMEOUT_MS, webClientOptions } from "./web-client-options.js";
import { EVENTS_PATH } from "./events-path.js";

export { EVENTS_PATH };

export interface SlackAdapterOptions {
  config: NonNullable<Config["slack"]>;
  /** PORT: the HTTP receiver listens here (HTTP mode only). */
  port: number;
  services: Services;
  /** Interface to bind in HTTP mode; all interfaces by default. */
  host?: string;
  /** Waits between attempts to authenticate and connect. */
  backoff?: Backoff;
  /** Time limit of each Web API call and response_url post. */
  webTimeoutMs?: number;
  /** Past this a slash command is acknowledged with "Working on it…" and answered through response_url. */
  ackDeadlineMs?: number;
}

export interface SlackAdapter extends ChatAdapter {
  readonly mode: "socket" | "http";
  /** The server on PORT in HTTP mode (add routes with http.route()); null in Socket Mode. */
  readonly http: HttpEndpoint | null;
}

/** Why auth.test or the connection failed, in words for the log. */
function describeFailure(error: unknown): string {
  return classifySlackError(error).result.reason;
}

/**
 * The Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN) or behind
 * the HTTP receiver on PORT at /slack/events (SLACK_SIGNING_SECRET).
 *
 * Bolt would call auth.test in its constructor and, with Slack unreachable,
 * turn the failure into an unhandled rejection; the app is built with
 * deferInitialization instead and `app.init()` (auth.test) runs in a retry
 * loop with backoff, then (Socket Mode) the connection is opened. The Socket
 * Mode client's own reconnection is off for the same reason (its retries can
 * reject unhandled); the same loop reconnects after a disconnect.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, services } = options;
  const log = services.log.child({ platform: "slack" });
  const timeoutMs = options.webTimeoutMs ?? DEFAULT_WEB_TIMEOUT_MS;
  const logger = boltLogger(log);
  const mode = config.appToken ? "socket" : "http";

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      autoReconnectEnabled: false,
      installerOptions: { clientOptions: webClientOptions(config.apiUrl, timeoutMs) },
    });
  } else {
    if (!config.signingSecret) throw new Error("SLACK_SIGNING_SECRET is required for the Slack HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)");
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: EVENTS_PATH, logger });
  }
  const app = new App({
    token: config.botToken,
    receiver,
    socketMode: mode === "socket",
    logger,
    clientOptions: webClientOptions(config.apiUrl, timeoutMs),
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    log.error({ err: error }, "slack: listener failed");
  });

  const admins = new SlackAdmins(app.client, config.adminUserIds, log);
  registerListeners(app, {
    runner: new SlackCommandRunner(services, admins),
    log,
    ackDeadlineMs: options.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS,
    uploader: new SlackImageUploader(app.client, timeoutMs, log),
  });

  let initialized = false;
  let ready = false;
  let stopping = false;
  let reason = "not started";

  const http = receiver instanceof HTTPReceiver ? new HttpEndpoint(log) : null;
  if (http && receiver instanceof HTTPReceiver && config.signingSecret) {
    const requestListener = receiver.requestListener;
    const signingSecret = config.signingSecret;
    http.route("POST", EVENTS_PATH, (req, res) => {
      if (!ready) {
        res.writeHead(503, { "retry-after": "5" }).end();
        return;
      }
      screenSlackRequest(req, signingSecret, Date.now()).then(
        (screened) => {
          if (screened.ok) return requestListener(req, res);
          log.warn({ status: screened.status, reason: screened.why }, "slack: refused a request");
          res.writeHead(screened.status).end();
        },
        (error: unknown) => {
          log.error({ err: error }, "slack: reading a request failed");
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
    });
  }

  const connect = async () => {
    if (!initialized) {
      await app.init();
      initialized = true;
      log.info("slack: bot token accepted (auth.test)");
    }
    if (receiver instanceof SocketModeReceiver) {
      reason = "connecting to Socket Mode";
      await receiver.client.start();
      if (stopping) {
        await receiver.client.disconnect();
        return;
      }
      log.info("slack: connected in Socket Mode");
    }
    ready = true;
    reason = "";
  };
  const loop = new RetryLoop(connect, options.backoff ?? DEFAULT_BACKOFF, (error, retryInMs, failures) => {
    reason = `${initialized ? "Socket Mode connection" : "auth.test"} failed: ${describeFailure(error)}`;
    const line = { reason, retryInMs, failures };
    if (failures === 1 || failures % 10 === 0) log.error(line, "slack: cannot reach Slack; retrying");
    else log.warn(line, "slack: cannot reach Slack; retrying");
  });

  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on("disconnected", () => {
      if (stopping || !ready) return;
      ready = false;
      reason = "Socket Mode connection lost; reconnecting";
      log.warn("slack: Socket Mode connection lost; reconnecting");
      void loop.run();
    });
  }

  return {
    platform: "slack",
    mode,
    http,
    announcer: new SlackAnnouncer(app.client, log),
    async start() {
      reason = "connecting to Slack (auth.test)";
      if (http) {
        const address = await http.listen(options.port, options.host);
        log.info({ port: address.port, path: EVENTS_PATH }, "slack: HTTP receiver listening");
      }
      await loop.run();
    },
    async stop() {
      stopping = true;
      ready = false;
      reason = "stopped";
      loop.stop();
      if (receiver instanceof SocketModeReceiver) {
        const disconnected = receiver.client.disconnect().catch((error: unknown) => log.warn({ err: error }, "slack: disconnect failed"));
        await Promise.race([disconnected, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      }
      await http?.close();
    },
    status() {
      return ready ? { ready: true } : { ready: false, reason };
    },
  };
}
