/** Where the HTTP receiver takes Slack's slash commands and interactions (and the manifest's request URLs point). */
export const EVENTS_PATH = "/slack/events";
