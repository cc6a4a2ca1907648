/** Discord's documented message limits; every renderer stays inside them. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footer and author of ALL embeds of one message together. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  buttonUrl: 512,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  customId: 100,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** An attachment's description (its alt text). */
  attachmentDescription: 1024,
} as const;

/** How many characters of a TL;DR or abstract each post shows; the Abstract button gives the whole text. */
export const SUMMARY = { card: 1200, announcement: 600, session: 900 } as const;

/** Escaped characters of abstract per embed of the `abstract` answer: with the author line (400) it stays within a description's 4096. */
export const ABSTRACT_PIECE = 3500;

export const COLORS = {
  paper: 0x2f6fdb,
  list: 0x4b8b3b,
  info: 0x6b7280,
  notice: 0x3b82f6,
  error: 0xd93f3f,
  announcement: 0xe8a317,
  session: 0x8b5cf6,
} as const;
