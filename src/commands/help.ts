import { errorReply, type InfoSection, type Reply } from "../replies/reply.js";
import { defineCommand, type CommandGroup } from "./command.js";
import { listOptions, text } from "./options.js";
import { usage } from "./usage.js";

const GROUP_TITLES: Record<CommandGroup, string> = {
  papers: "Papers",
  announcements: "Announcements",
  reading: "Reading group",
  general: "General",
};

export const helpCommand = defineCommand({
  name: "help",
  description: "Every command and its options; help <command> for one command in detail.",
  group: "general",
  options: {
    command: text({ description: "A command to explain, e.g. papers", max: 40 }).optional(),
  },
  positional: ["command"],
  run({ command: wanted }, { platform, services: { commands } }): Reply {
    if (wanted) {
      const command = commands.get(wanted.toLowerCase().replace(/^\/+/, "").replace(/^mss\s+/, ""));
      if (!command) return errorReply("not-found", `No command "${wanted}".`, `Commands: ${commands.commands.map((c) => c.name).join(", ")}`);
      const options = listOptions(command.options).map(({ name, meta, required }) => ({
        label: name,
        value: `${meta.description}${required ? " (required)" : ""}`,
      }));
      const sections: InfoSection[] = [{ title: "Usage", rows: [{ label: usage(command, platform), value: command.admin ? "admins only" : "" }] }];
      if (options.length > 0) sections.push({ title: "Options", rows: options });
      if (command.examples?.length) sections.push({ title: "Examples", rows: command.examples.map((e) => ({ label: e, value: "" })) });
      return { kind: "info", title: command.name, text: command.description, sections };
    }
    const groups = (Object.keys(GROUP_TITLES) as CommandGroup[])
      .map((group) => ({
        title: GROUP_TITLES[group],
        rows: commands.commands
          .filter((c) => c.group === group)
          .map((c) => ({ label: usage(c, platform), value: `${c.description}${c.admin ? " (admins)" : ""}` })),
      }))
      .filter((s) => s.rows.length > 0);
    return { kind: "info", title: "mss-bot commands", text: "The MSS-Papers list in chat.", sections: groups };
  },
});
