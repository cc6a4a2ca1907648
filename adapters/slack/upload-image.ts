import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../src/log.js";
import type { ReplyImage } from "../../src/replies/reply.js";
import { classifySlackError } from "./delivery-errors.js";
import { imageUpload } from "./render/image.js";

const UploadTarget = z.object({ upload_url: z.url({ protocol: /^https?$/ }), file_id: z.string().min(1) });

export type UploadResult = { ok: true; fileId: string } | { ok: false; reason: string };

/**
 * Shares a chart in a channel through Slack's external upload flow:
 * files.getUploadURLExternal (name, size, alt text), a POST of the bytes to
 * the URL it returns, then files.completeUploadExternal into the channel.
 * The steps are made here rather than with WebClient.filesUploadV2 because
 * that helper sends the alt text as `alt_text`, while the method's documented
 * argument is `alt_txt`. Needs the `files:write` scope.
 */
export class SlackImageUploader {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  async upload(channelId: string, image: ReplyImage): Promise<UploadResult> {
    const file = imageUpload(image);
    try {
      const target = await this.client.apiCall("files.getUploadURLExternal", { filename: file.filename, length: file.data.length, alt_txt: file.altText });
      const parsed = UploadTarget.safeParse(target);
      if (!parsed.success) return this.failed("Slack gave no upload URL");
      const { upload_url: uploadUrl, file_id: fileId } = parsed.data;
      const form = new FormData();
      form.append("filename", new Blob([file.data], { type: image.mime }), file.filename);
      const posted = await fetch(uploadUrl, { method: "POST", body: form, signal: AbortSignal.timeout(this.timeoutMs) });
      await posted.body?.cancel();
      if (!posted.ok) return this.failed(`the upload was refused (HTTP ${posted.status})`);
      await this.client.files.completeUploadExternal({ files: [{ id: fileId, title: file.title }], channel_id: channelId });
      return { ok: true, fileId };
    } catch (error) {
      return this.failed(error instanceof Error && error.name === "TimeoutError" ? "timeout: no answer from Slack in time" : classifySlackError(error).result.reason);
    }
  }

  private failed(reason: string): UploadResult {
    this.log.warn({ reason }, "slack: chart not uploaded");
    return { ok: false, reason };
  }
}
