import { z } from "zod";

/**
 * What the bot knows about a paper from outside the list (arXiv, DBLP,
 * Semantic Scholar, an admin's pin, the bundled snapshot). Kept apart from the
 * list's row: the row says what the group wrote, the record what the paper is.
 */

export const RECORD_SOURCES = ["arxiv", "dblp", "s2", "snapshot"] as const;
export const RecordSourceSchema = z.enum(RECORD_SOURCES);
export type RecordSource = z.infer<typeof RecordSourceSchema>;

export const ScholarIdsSchema = z.object({
  /** arXiv id without version, e.g. "2302.11665". */
  arxiv: z.string().min(1).max(40).optional(),
  /** DOI, lower-cased, without the resolver prefix, e.g. "10.1145/3600006.3613165". */
  doi: z.string().min(1).max(200).optional(),
  /** DBLP record key, e.g. "conf/osdi/LiZZL00HHZGS23". */
  dblp: z.string().min(1).max(200).optional(),
  /** Semantic Scholar paper id. */
  s2: z.string().min(1).max(80).optional(),
});
export type ScholarIds = z.infer<typeof ScholarIdsSchema>;

export const ID_KEYS = ["arxiv", "doi", "dblp", "s2"] as const satisfies readonly (keyof ScholarIds)[];
export type IdKey = (typeof ID_KEYS)[number];

export const RECORD_FIELDS = ["title", "authors", "abstract", "tldr", "venue", "year", "bibtex"] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Where one field came from: the source and the URL a reader can check it at. */
export const FieldOriginSchema = z.object({ source: RecordSourceSchema, url: z.url({ protocol: /^https?$/ }).max(2048) });
export type FieldOrigin = z.infer<typeof FieldOriginSchema>;

export const PaperRecordSchema = z.object({
  title: z.string().min(1).max(500).optional(),
  /** Every author, in the paper's order. */
  authors: z.array(z.string().min(1).max(200)).max(1000).optional(),
  abstract: z.string().min(1).max(20_000).optional(),
  tldr: z.string().min(1).max(2_000).optional(),
  /** The venue as published (e.g. "OSDI", "CoRR"), not the list's cell. */
  venue: z.string().min(1).max(300).optional(),
  year: z.number().int().min(1950).max(2100).optional(),
  bibtex: z.string().min(1).max(50_000).optional(),
  ids: ScholarIdsSchema,
  /** Per identifier, where it was read (the bundled snapshot names one for each; records fetched at run time may not). */
  idOrigins: z.partialRecord(z.enum(ID_KEYS), FieldOriginSchema).optional(),
  /** Per field, where it came from. */
  origins: z.partialRecord(z.enum(RECORD_FIELDS), FieldOriginSchema),
  /** ISO time the newest field was fetched. */
  fetchedAt: z.string(),
});
export type PaperRecord = z.infer<typeof PaperRecordSchema>;

/** Records by paper id (the list's folded name); empty when nothing is known. */
export type PaperRecords = ReadonlyMap<string, PaperRecord>;

export const NO_RECORDS: PaperRecords = new Map();
