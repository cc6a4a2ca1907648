import { bundledText } from "./bundled.js";

/** Edits of the bundled list the way upstream edits it: rows added anywhere, a preprint published, a code link added. */
export const addRow = (text: string, before: string, row: string) => text.replace(`| ${before} `, `${row}\n| ${before} `);

export const newRow = (name: string, venue = "OSDI", year = 2025, tags = "", reporter = "hzq") =>
  `| ${name} | ${year} | ${venue} | ${tags} | [Paper](https://example.org/${name.toLowerCase()}.pdf) | | | | ${reporter} |`;

/** The bundled list with 3 papers added (one with ●) and Atom published at OSDI with a code link. */
export function versionTwo(): string {
  let text = bundledText();
  text = addRow(text, "TapFinger", newRow("FlexServe", "NSDI", 2025, "●"));
  text = addRow(text, "Gillis", newRow("InferLine", "SoCC", 2020, "", "XiaoKai"));
  text = text.replace(/^\|Cocktail .*$/m, (row) => `${row}\n${newRow("ZipServe", "OSDI", 2025)}`);
  text = text.replace(
    "| Atom          | 2023 | arxiv      |       | [Paper](https://arxiv.org/pdf/2310.19102.pdf)                |                                                      |",
    "| Atom          | 2024 | OSDI      |       | [Paper](https://arxiv.org/pdf/2310.19102.pdf)                | [Code](https://github.com/efeslab/Atom)              |",
  );
  return text;
}

/** The bundled list with `n` new papers appended to the table. */
export function withManyAdded(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => newRow(`Bulk${i + 1}Serve`));
  return bundledText().replace(/^(\|Cocktail .*)$/m, `$1\n${rows.join("\n")}`);
}
