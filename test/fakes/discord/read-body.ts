import type { Recorded } from "./fake-discord.js";

/** A REST request's body as the fake Discord records it: JSON, or multipart with `payload_json` and the files sent beside it. */
export async function readBody(recorded: Recorded, raw: Buffer, contentType: string): Promise<void> {
  if (raw.length === 0) return;
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    for (const [name, value] of form) {
      if (name === "payload_json" && typeof value === "string") recorded.body = JSON.parse(value);
      else if (typeof value !== "string") {
        const data = Buffer.from(await value.arrayBuffer());
        recorded.files.push({ name: value.name, content: data.toString("utf8"), data, type: value.type });
      }
    }
    return;
  }
  const text = raw.toString("utf8");
  try {
    recorded.body = JSON.parse(text);
  } catch {
    recorded.body = text;
  }
}
