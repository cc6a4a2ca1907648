/** The one way replies and the command line write a moment in text: "2026-11-29 15:27 UTC" (JSON keeps ISO 8601). */
export function textTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
