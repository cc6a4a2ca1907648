/**
 * The action ids of the buttons the renderers make and the adapter answers.
 * Slack wants them unique within a message, so each carries a suffix.
 * - run:   the value is an encoded CommandLink (pagination, pick-lists); the click runs it
 * - share: the value is an encoded CommandLink; the click posts its answer in the channel
 * - link:  a URL button; the click only needs an acknowledgement
 * - ask:   the value is an encoded CommandLink (Abstract); the click answers the clicker privately, the message stays
 */
export const ACTION_PREFIX = { run: "mss_run", share: "mss_share", link: "mss_link", ask: "mss_ask" } as const;

export const actionId = (kind: keyof typeof ACTION_PREFIX, suffix: string): string => `${ACTION_PREFIX[kind]}:${suffix}`;

export const actionPattern = (kind: keyof typeof ACTION_PREFIX): RegExp => new RegExp(`^${ACTION_PREFIX[kind]}:`);
