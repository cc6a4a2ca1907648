import { errorReply, type Reply } from "../replies/reply.js";
import { defineCommand } from "./command.js";

export const softwareCommand = defineCommand({
  name: "software",
  description: "The deep learning optimization software suite the list recommends.",
  group: "papers",
  options: {},
  run(_args, { services: { catalog } }): Reply {
    const { software } = catalog.list;
    if (software.length === 0) return errorReply("not-found", "The list names no software.");
    return {
      kind: "info",
      title: "Software suite",
      text: `${software.length} projects from the list`,
      sections: [{ title: "Software", rows: software.map((s) => ({ label: s.name, value: s.url, url: s.url })) }],
    };
  },
});
