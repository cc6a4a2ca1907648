import type { AutocompleteInteraction } from "discord.js";
import { listOptions } from "../../../src/commands/options.js";
import { autocompleteKind } from "../registration/build-commands.js";
import type { InteractionDeps } from "./context.js";
import { commandNameOf } from "./raw-args.js";
import { suggestChoices } from "./suggest.js";

/** Answers what the user is typing in an option registered with autocomplete; no match (or no such option) is an empty list. */
export async function onAutocomplete(interaction: AutocompleteInteraction, { services }: InteractionDeps): Promise<void> {
  const command = services.commands.get(commandNameOf(interaction));
  const focused = interaction.options.getFocused(true);
  const option = command ? listOptions(command.options).find((o) => o.name === focused.name) : undefined;
  const kind = option ? autocompleteKind(option.meta, services.catalog.list.legend) : undefined;
  await interaction.respond(kind ? suggestChoices(kind, String(focused.value), services.catalog) : []);
}
