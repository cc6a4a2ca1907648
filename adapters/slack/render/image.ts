import type { ReplyImage } from "../../../src/replies/reply.js";

/** Slack refuses longer alt text (alt_txt_too_large); titles are cut to stay short in the file viewer. */
export const IMAGE_LIMITS = { altText: 1000, title: 250 } as const;

/** What Slack's external upload flow is told about a chart: file name, size, alt text and title. */
export interface ImageUpload {
  filename: string;
  data: Buffer;
  altText: string;
  title: string;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A reply image as a Slack file upload. Plain text throughout: a file's title and alt text are not mrkdwn. */
export function imageUpload(image: ReplyImage): ImageUpload {
  return {
    filename: image.name.replace(/[^A-Za-z0-9._-]+/g, "_") || "chart.png",
    data: Buffer.from(image.data),
    altText: cut(image.alt, IMAGE_LIMITS.altText),
    title: cut(image.title, IMAGE_LIMITS.title),
  };
}
