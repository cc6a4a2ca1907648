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

export const PaperSchema = z.object({
  /** Stable identity: the folded name (see foldKey). */
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
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
