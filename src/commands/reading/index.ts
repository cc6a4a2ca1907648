import type { AnyCommand } from "../command.js";
import { readingAbsentCommand } from "./absent.js";
import { readingAssignCommand } from "./assign.js";
import { readingBallotCommand } from "./ballot.js";
import { readingCalendarCommand } from "./calendar.js";
import { readingChannelCommand } from "./channel.js";
import { readingDoneCommand } from "./done.js";
import { readingHistoryCommand } from "./history.js";
import { readingJoinCommand } from "./join.js";
import { readingLeaveCommand } from "./leave.js";
import { readingLinkCommand } from "./link.js";
import { readingMembersCommand } from "./members.js";
import { readingNextCommand } from "./next.js";
import { readingQueueAddCommand } from "./queue-add.js";
import { readingQueueListCommand } from "./queue-list.js";
import { readingQueueRemoveCommand } from "./queue-remove.js";
import { readingRemoveCommand } from "./remove.js";
import { readingRsvpCommand } from "./rsvp.js";
import { readingScheduleCommand } from "./schedule.js";
import { readingSkipCommand } from "./skip.js";
import { readingSlidesCommand } from "./slides.js";
import { readingStatsCommand } from "./stats.js";
import { readingSwapCommand } from "./swap.js";
import { readingUnassignCommand } from "./unassign.js";
import { readingVoteCommand } from "./vote.js";

/** The reading group's commands, in help order: views, then joining, then changes (mostly admins). */
export const READING_COMMANDS: readonly AnyCommand[] = [
  readingNextCommand,
  readingScheduleCommand,
  readingHistoryCommand,
  readingStatsCommand,
  readingMembersCommand,
  readingQueueListCommand,
  readingJoinCommand,
  readingLeaveCommand,
  readingLinkCommand,
  readingCalendarCommand,
  readingRsvpCommand,
  readingBallotCommand,
  readingQueueAddCommand,
  readingSlidesCommand,
  readingSkipCommand,
  readingAbsentCommand,
  readingSwapCommand,
  readingAssignCommand,
  readingUnassignCommand,
  readingVoteCommand,
  readingDoneCommand,
  readingRemoveCommand,
  readingQueueRemoveCommand,
  readingChannelCommand,
];
