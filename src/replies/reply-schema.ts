import { z } from "zod";
import { LinkKindSchema } from "../papers/index.js";
import { FieldOriginSchema, PaperRecordSchema } from "../papers/record.js";
import { PLATFORMS } from "../papers/platforms.js";
import type { Reply } from "./reply.js";

/** Zod schemas of the reply model, for replies stored as JSON (the outbox) and read back. */

const PaperCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().nullable(),
  venue: z.string().nullable(),
  categories: z.array(z.object({ symbol: z.string(), label: z.string() })),
  links: z.array(z.object({ kind: LinkKindSchema, label: z.string(), url: z.string() })),
  reporters: z.array(z.string()),
  record: PaperRecordSchema.optional(),
  title: z.string().optional(),
  authors: z.array(z.string()).optional(),
  lists: z.array(z.string()).optional(),
});

const CommandLinkSchema = z.object({ command: z.string(), args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) });
const PlatformSchema = z.enum(PLATFORMS);
const MentionSchema = z.object({ id: z.string() });
const ActionsSchema = z.array(z.object({ label: z.string(), link: CommandLinkSchema })).optional();

export const ReplySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paper"), card: PaperCardSchema, note: z.string().optional() }),
  z.object({ kind: z.literal("abstract"), card: PaperCardSchema, label: z.enum(["Abstract", "TL;DR"]), text: z.string(), origin: FieldOriginSchema.nullable() }),
  z.object({ kind: z.literal("choices"), text: z.string(), options: z.array(PaperCardSchema) }),
  z.object({
    kind: z.literal("papers"),
    title: z.string(),
    items: z.array(PaperCardSchema),
    total: z.number(),
    page: z.number(),
    pageCount: z.number(),
    prev: CommandLinkSchema.nullable(),
    next: CommandLinkSchema.nullable(),
  }),
  z.object({
    kind: z.literal("info"),
    title: z.string(),
    text: z.string().optional(),
    sections: z.array(z.object({ title: z.string(), rows: z.array(z.object({ label: z.string(), value: z.string(), url: z.string().optional() })) })),
    file: z.object({ name: z.string(), mime: z.string(), content: z.string() }).optional(),
    image: z.object({ name: z.string(), mime: z.literal("image/png"), data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "must be bytes"), title: z.string(), alt: z.string() }).optional(),
  }),
  z.object({ kind: z.literal("notice"), text: z.string(), actions: ActionsSchema }),
  z.object({ kind: z.literal("error"), reason: z.enum(["invalid", "not-found", "forbidden", "unavailable", "failed"]), text: z.string(), hint: z.string().optional() }),
  z.object({
    kind: z.literal("announcement"),
    headline: z.string(),
    items: z.array(z.object({ change: z.enum(["added", "changed"]), card: PaperCardSchema, changes: z.array(z.string()) })),
    mention: MentionSchema.optional(),
  }),
  z.object({
    kind: z.literal("digest"),
    headline: z.string(),
    items: z.array(PaperCardSchema),
    more: z.number(),
    summaries: z.boolean().optional(),
    mention: MentionSchema.optional(),
  }),
  z.object({
    kind: z.literal("session"),
    headline: z.string(),
    date: z.string(),
    presenter: z.object({ name: z.string(), userIds: z.partialRecord(PlatformSchema, z.string()) }).nullable(),
    card: PaperCardSchema.nullable(),
    note: z.string().optional(),
    actions: ActionsSchema,
  }),
]);

// Compile-time guard: the schema and the Reply type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesReply: Same<z.infer<typeof ReplySchema>, Reply> = true;
void schemaMatchesReply;

export function parseStoredReply(json: string): Reply {
  return ReplySchema.parse(JSON.parse(json));
}
