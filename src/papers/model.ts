import { z } from "zod";

export const LINK_KINDS = ["paper", "code", "blog", "video"] as const;
export const LinkKindSchema = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKindSchema>;

export const HttpUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

export const LinksSchema = z.object({
  paper: HttpUrlSchema.optional(),
  code: HttpUrlSchema.optional(),
  blog: HttpUrlSchema.optional(),
  video: HttpUrlSchema.optional(),
});
export type Links = z.infer<typeof LinksSchema>;

/** A category of the list's legend, e.g. ★ = Different Storage Media. */
export const TagSchema = z.object({
  id: z.string().min(1).max(60),
  symbol: z.string().min(1).max(8),
  label: z.string().min(1).max(120),
  /** false for a symbol used in the table but missing from the legend. */
  known: z.boolean(),
});
export type Tag = z.infer<typeof TagSchema>;

/** A followed list's short id (MSS_LISTS "mss=…,llmsys=…"): a lowercase word. */
export const ListIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/, "a list id is a short lowercase word (a-z, digits, - and _; at most 24 characters, starting with a letter)");
export type ListId = z.infer<typeof ListIdSchema>;
/** The id of the one list followed when MSS_LISTS is unset (MSS_UPSTREAM_URL, or the bundled list). */
export const DEFAULT_LIST_ID: ListId = "mss";

export const PaperSchema = z.object({
  /** Stable identity: the folded name (see foldKey). */
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** The full title when the list gives more than the name ("Perseus" → "Perseus: Removing Energy Bloat from Large Model Training"). */
  title: z.string().min(1).max(500).optional(),
  /** Authors as the list writes them, in order (a list's "Title & Authors" column, an item's author line). */
  authors: z.array(z.string().min(1).max(200)).max(100).optional(),
  /** The followed lists that hold the paper, in MSS_LISTS order; set when lists are merged (src/search/catalog.ts), absent in one list's parse. */
  lists: z.array(ListIdSchema).optional(),
  /** Other names the paper answers to, e.g. CBA and AutoCBA for "CBA/AutoCBA". */
  aliases: z.array(z.string()),
  year: z.number().int().min(1950).max(2100).nullable(),
  venue: z.string().min(1).max(100).nullable(),
  /** Tag ids, in legend order. */
  tags: z.array(z.string()),
  links: LinksSchema,
  /** Display names, one per person however the list cases them. */
  reporters: z.array(z.string().min(1).max(100)),
  /** 1-based lines of the source markdown the paper was read from. */
  lines: z.array(z.number().int().positive()),
});
export type Paper = z.infer<typeof PaperSchema>;

export const SoftwareSchema = z.object({
  name: z.string().min(1).max(200),
  url: HttpUrlSchema,
});
export type Software = z.infer<typeof SoftwareSchema>;

export const ParseWarningSchema = z.object({
  line: z.number().int().positive().nullable(),
  message: z.string(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export const DuplicateSchema = z.object({
  id: z.string(),
  name: z.string(),
  lines: z.array(z.number().int().positive()),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

export const PaperListSchema = z.object({
  papers: z.array(PaperSchema),
  software: z.array(SoftwareSchema),
  legend: z.array(TagSchema),
  warnings: z.array(ParseWarningSchema),
  duplicates: z.array(DuplicateSchema),
});
export type PaperList = z.infer<typeof PaperListSchema>;
