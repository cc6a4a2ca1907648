import type Token from "markdown-it/lib/token.mjs";
import { htmlTag, type Image } from "./html-tag.js";

export type { Image };

/**
 * What a reader sees in one table cell or list item, in order: text, links
 * (with their text and any images inside them), images, and line breaks (`<br>`).
 * Markdown and HTML are both turned into pieces, so one reader serves both.
 */
export type Piece =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; url: string; images: Image[] }
  | { kind: "image"; alt: string; src: string }
  | { kind: "break" };

/** Text of one piece as a reader sees it (a link's text, an image's alt text is not read). */
export const pieceText = (piece: Piece): string => (piece.kind === "text" || piece.kind === "link" ? piece.text : piece.kind === "break" ? " " : "");

export const piecesText = (pieces: readonly Piece[]): string => pieces.map(pieceText).join("");

/** The pieces split at line breaks. */
export function segments(pieces: readonly Piece[]): Piece[][] {
  const out: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind === "break") out.push([]);
    else out.at(-1)?.push(piece);
  }
  return out;
}

/**
 * Pieces of markdown-it inline tokens. Inline HTML goes through the HTML parser
 * one tag at a time: `<br>` breaks the line, `<img>` is an image, `<a href>` opens
 * a link; any other tag (`<b>`, `<sup>`, comments) adds nothing to the text.
 */
export function piecesOfInline(children: readonly Token[]): Piece[] {
  const pieces: Piece[] = [];
  let link: Extract<Piece, { kind: "link" }> | undefined;
  const addText = (text: string) => {
    if (text === "") return;
    if (link) link.text += text;
    else {
      const last = pieces.at(-1);
      if (last?.kind === "text") last.text += text;
      else pieces.push({ kind: "text", text });
    }
  };
  const addImage = (image: Image) => {
    if (link) link.images.push(image);
    else pieces.push({ kind: "image", ...image });
  };
  const open = (url: string) => {
    link = { kind: "link", text: "", url, images: [] };
    pieces.push(link);
  };
  for (const child of children) {
    switch (child.type) {
      case "text":
      case "code_inline":
        addText(child.content);
        break;
      case "softbreak":
        addText(" ");
        break;
      case "hardbreak":
        link = undefined;
        pieces.push({ kind: "break" });
        break;
      case "link_open":
        open(child.attrGet("href") ?? "");
        break;
      case "link_close":
        link = undefined;
        break;
      case "image":
        addImage({ alt: child.content, src: child.attrGet("src") ?? "" });
        break;
      case "html_inline": {
        const tag = htmlTag(child.content);
        if (tag.kind === "text") addText(child.content);
        else if (tag.kind === "break") {
          link = undefined;
          pieces.push({ kind: "break" });
        } else if (tag.kind === "image") addImage(tag.image);
        else if (tag.kind === "link-open") open(tag.url);
        else if (tag.kind === "link-close") link = undefined;
        break;
      }
      default:
        break;
    }
  }
  return pieces;
}
