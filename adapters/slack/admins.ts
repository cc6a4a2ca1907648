import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/log.js";

const CACHE_MS = 60_000;

/**
 * Who may run admin commands in Slack: the ids in SLACK_ADMIN_USER_IDS when
 * set, else the workspace's admins and owners per users.info (cached for a
 * minute, and asked only when an admin command is run).
 */
export class SlackAdmins {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly adminUserIds: readonly string[],
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async isAdmin(userId: string): Promise<boolean> {
    if (this.adminUserIds.length > 0) return this.adminUserIds.includes(userId);
    const cached = this.cache.get(userId);
    if (cached && cached.until > this.clock()) return cached.admin;
    try {
      const { user } = await this.client.users.info({ user: userId });
      const admin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      this.cache.set(userId, { admin, until: this.clock() + CACHE_MS });
      return admin;
    } catch (error) {
      this.log.warn({ err: error, user: userId }, "slack: users.info failed; treating the user as not an admin");
      return false;
    }
  }
}
