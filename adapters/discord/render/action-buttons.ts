import type { APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { ReplyAction } from "../../../src/replies/reply.js";
import { askCustomId } from "./custom-id.js";
import { plainWithin } from "./escape.js";
import { LIMITS } from "./limits.js";

/**
 * The reply's action buttons (RSVP, a vote): each an "ask" button whose
 * custom_id is the command link, so a click after a restart still works and
 * is answered to the clicker alone. An action too long for a custom_id is left out.
 */
export function actionButtons(actions: readonly ReplyAction[] | undefined): APIButtonComponent[] {
  return (actions ?? []).flatMap((action, i) => {
    const customId = askCustomId(action.link);
    if (customId === undefined) return [];
    return [{ type: ComponentType.Button, style: i === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary, label: plainWithin(action.label, LIMITS.buttonLabel), custom_id: customId }];
  });
}
