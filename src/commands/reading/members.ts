import { foldKey } from "../../papers/index.js";
import { isActive, type Member } from "../../reading/roster.js";
import type { InfoRow, Reply } from "../../replies/reply.js";
import type { Services } from "../../services.js";
import { defineCommand } from "../command.js";

function describe(member: Member, services: Services, taken: ReadonlySet<string>): string {
  const own = services.catalog.list.papers.filter((p) => p.reporters.some((r) => foldKey(r) === member.key));
  const left = own.filter((p) => !taken.has(p.id)).length;
  const links = services.store.reading.members
    .links()
    .filter((l) => l.memberKey === member.key)
    .map((l) => `${l.platform} user ${l.userId}`);
  const parts = [own.length > 0 ? `${left} of ${own.length} own papers to present` : "no papers of their own"];
  if (member.joined && !member.inList) parts.push("joined");
  if (!isActive(member)) parts.push(member.status === "active" ? "no longer on the list" : member.status);
  parts.push(links.length > 0 ? `linked: ${links.join(", ")}` : "not linked to a chat user");
  return parts.join("; ");
}

export const readingMembersCommand = defineCommand({
  name: "reading members",
  description: "Who is in the reading-group rotation, in turn order, with their papers left and chat links.",
  group: "reading",
  options: {},
  run(_args, { services }): Reply {
    const roster = services.reading.roster();
    const taken = services.reading.input().taken;
    const active = roster.filter(isActive);
    const inactive = roster.filter((m) => !isActive(m));
    const rows = (members: Member[]): InfoRow[] => members.map((m) => ({ label: m.name, value: describe(m, services, taken) }));
    const sections = [{ title: "In turn order (next presenter first)", rows: rows(active) }];
    if (inactive.length > 0) sections.push({ title: "Not in the rotation", rows: rows(inactive) });
    return { kind: "info", title: "Reading group: members", text: `${active.length} in the rotation`, sections };
  },
});
