import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApplicationCommandOptionType, type AutocompleteInteraction, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './context.js';

/** The parts of /help a command is listed in. */
export const HELP_GROUPS = ['asking', 'study', 'your-data', 'moderation'] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

/** How /help lists a command: in which part, and what it says when the command's description is not enough. */
export interface CommandHelp {
  group: HelpGroup;
  text?: string;
}

/** A slash command: its builder beside its handler, one per file in ./commands. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** required when an option has autocomplete on */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  help: CommandHelp;
}

/** A command as /help lists it: generated from the registry, so every registered command is there. */
export interface HelpEntry {
  name: string;
  /** its options (`question` `[private]`) or subcommands (`start` · `next` · `end`) */
  usage: string;
  text: string;
  group: HelpGroup;
}

export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: Command[]) {
    for (const c of commands) this.byName.set(c.data.name, c);
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The definitions to register with Discord (deploy-commands). */
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return [...this.byName.values()].map((c) => c.data.toJSON());
  }

  /** Every command as /help lists it, in registry order. */
  helpEntries(): HelpEntry[] {
    return [...this.byName.values()].map((c) => {
      const json = c.data.toJSON();
      return { name: json.name, usage: usageOf(json), text: c.help.text ?? json.description, group: c.help.group };
    });
  }
}

function usageOf(json: RESTPostAPIChatInputApplicationCommandsJSONBody): string {
  const options = json.options ?? [];
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup);
  if (subcommands.length) return subcommands.map((o) => `\`${o.name}\``).join(' · ');
  return options.map((o) => ('required' in o && o.required ? `\`${o.name}\`` : `\`[${o.name}]\``)).join(' ');
}

/**
 * Check modules and collect them; a module that is not a complete command (no builder, no handler,
 * no place in /help, a name that is not its file's, an autocomplete option without a handler, a
 * duplicate) is refused with an error naming it, so a half-written command never reaches Discord.
 */
export function createRegistry(modules: { file: string; module: unknown }[]): CommandRegistry {
  const commands: Command[] = [];
  const problems: string[] = [];
  for (const { file, module } of modules) {
    const m = module as Partial<Command> | undefined;
    const name = basename(file, extname(file));
    const data = m?.data;
    if (!data || typeof data.toJSON !== 'function' || typeof data.name !== 'string') {
      problems.push(`${file}: no \`data\` command builder`);
      continue;
    }
    if (typeof m.execute !== 'function') problems.push(`${file}: no \`execute\` handler`);
    if (!HELP_GROUPS.includes(m.help?.group as HelpGroup)) problems.push(`${file}: no \`help\` saying where /help lists it (${HELP_GROUPS.join(', ')})`);
    if (data.name !== name) problems.push(`${file}: the command is named "${data.name}" but the file "${name}"`);
    let json: RESTPostAPIChatInputApplicationCommandsJSONBody | undefined;
    try {
      json = data.toJSON();
    } catch (error) {
      problems.push(`${file}: invalid builder (${(error as Error).message})`);
    }
    const wantsAutocomplete = (json?.options ?? []).some((o) => 'autocomplete' in o && o.autocomplete);
    if (wantsAutocomplete && typeof m.autocomplete !== 'function') problems.push(`${file}: an option has autocomplete but there is no \`autocomplete\` handler`);
    if (commands.some((c) => c.data.name === data.name)) problems.push(`${file}: a second command named "${data.name}"`);
    commands.push(m as Command);
  }
  if (problems.length) throw new Error(`Refusing incomplete command modules:\n- ${problems.join('\n- ')}`);
  if (!commands.length) throw new Error('No command modules found.');
  return new CommandRegistry(commands);
}

export const COMMANDS_DIR = fileURLToPath(new URL('./commands/', import.meta.url));

/** Load every command module of a folder (default ./commands) into a registry. */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<CommandRegistry> {
  const files = readdirSync(dir)
    .filter((f) => /\.(?:ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const modules = await Promise.all(files.map(async (f) => ({ file: f, module: await import(pathToFileURL(join(dir, f)).href) })));
  return createRegistry(modules);
}
