/**
 * Slack's external file upload flow, as the fake Slack speaks it:
 * files.getUploadURLExternal hands out a loopback upload URL, POST /upload/<file id>
 * takes the bytes (multipart or raw), files.completeUploadExternal shares them in a channel.
 */

/** A file through Slack's external upload flow, as far as it got. */
export interface FileUpload {
  fileId: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText: string | undefined;
  /** The bytes POSTed to the upload URL (undefined until then). */
  data?: Buffer;
  /** Set by files.completeUploadExternal. */
  title?: string;
  channel?: string;
  completed: boolean;
}

/** Slack refuses alt text longer than this (alt_txt_too_large). */
const ALT_TXT_MAX = 1000;

/** files.getUploadURLExternal: checks the arguments like Slack, then records the file and hands out its upload URL. */
export function askUploadUrl(uploads: Map<string, FileUpload>, args: Record<string, unknown>, urlOf: (fileId: string) => string, nextId: () => string): Record<string, unknown> {
  const filename = String(args.filename ?? "");
  const length = Number(args.length);
  const altText = args.alt_txt === undefined ? undefined : String(args.alt_txt);
  if (!filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: "invalid_arguments" };
  if (altText !== undefined && altText.length > ALT_TXT_MAX) return { ok: false, error: "alt_txt_too_large" };
  const fileId = nextId();
  uploads.set(fileId, { fileId, filename, length, altText, completed: false });
  return { ok: true, upload_url: urlOf(fileId), file_id: fileId };
}

/** The upload POST, like files.slack.com: the bytes of a file id handed out before; their length, or undefined for an unknown id. */
export async function receiveUpload(uploads: Map<string, FileUpload>, fileId: string, raw: Buffer, contentType: string | undefined): Promise<number | undefined> {
  const upload = uploads.get(fileId);
  if (!upload) return undefined;
  upload.data = await uploadedBytes(raw, contentType);
  return upload.data.length;
}

/** An upload POST's bytes: the one file of a multipart body (curl -F filename=@chart.png), or the raw body. */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return raw;
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  for (const [, value] of form) if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  throw new Error("multipart upload without a file");
}

/** files.completeUploadExternal, like Slack: every file must have been uploaded, with the length announced; then it is shared in channel_id. */
export function completeUploads(uploads: Map<string, FileUpload>, args: Record<string, unknown>): Record<string, unknown> {
  const files = Array.isArray(args.files) ? (args.files as Array<{ id?: unknown; title?: unknown }>) : [];
  if (files.length === 0) return { ok: false, error: "invalid_arguments" };
  const found = files.map((f) => uploads.get(String(f.id)));
  if (found.some((u) => !u?.data || u.data.length !== u.length)) return { ok: false, error: "file_not_found" };
  for (const [i, upload] of found.entries()) {
    if (!upload) continue;
    upload.completed = true;
    const title = files[i]?.title;
    if (title !== undefined) upload.title = String(title);
    if (args.channel_id !== undefined) upload.channel = String(args.channel_id);
  }
  return { ok: true, files: found.map((u) => ({ id: u?.fileId, name: u?.filename, title: u?.title ?? u?.filename, mimetype: "image/png", size: u?.length })) };
}
