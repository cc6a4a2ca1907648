/**
 * Chat commands that mean nothing on the command line, with the reason: they
 * act on the channel they are typed in, or on the chat user who types them
 * (the command line has neither). They are left out of `mss-bot --help` and
 * refused with this reason.
 */
export const CHAT_ONLY: Readonly<Record<string, string>> = {
  subscribe: "it subscribes the chat channel it is typed in; run /subscribe in that channel",
  unsubscribe: "it stops announcements in the chat channel it is typed in; run /unsubscribe in that channel",
  subscriptions: "it shows the subscription of the chat channel it is typed in; mss-bot outbox shows every channel's deliveries",
  "reading channel": "it sets the chat channel it is typed in for the weekly posts; run /reading channel there",
  "reading join": "it links the chat user who types it to a member; run /reading join in chat",
  "reading leave": "it takes the chat user who types it out of the rotation; run /reading leave in chat, or mss-bot reading remove <name>",
  "reading link": "it links a chat user on the platform it is typed in; run /reading link in Discord or Slack",
  watch: "a watch answers its chat user with direct messages; run /watch in Discord, Slack or the console",
  watches: "it lists the watches of the chat user who types it; run /watches in chat",
  unwatch: "it removes a watch of the chat user who types it; run /unwatch in chat",
};
