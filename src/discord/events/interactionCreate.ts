import { Events, MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import { handleButton } from '../buttons.js';
import { handleStudyButton, STUDY_PREFIX } from '../study/buttons.js';
import type { BotContext } from '../context.js';
import { handleModal } from '../moderation/modals.js';
import { renderNotice } from '../render.js';
import { replyWithError } from '../respond.js';
import type { BotEvent } from './index.js';

/** Slash commands, autocomplete, buttons and modal submissions, each acknowledged by its handler at once. */
const interactionCreate: BotEvent<Events.InteractionCreate> = {
  name: Events.InteractionCreate,
  execute(ctx, interaction) {
    if (interaction.isAutocomplete()) {
      void autocomplete(ctx, interaction);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    if (!ctx.work.accepting) {
      void restarting(ctx, interaction);
      return;
    }
    void ctx.work.track(handle(ctx, interaction));
  },
};

export default interactionCreate;

async function handle(ctx: BotContext, interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction): Promise<void> {
  const what = interaction.isChatInputCommand() ? { command: interaction.commandName } : interaction.isModalSubmit() ? { modal: interaction.customId } : { button: interaction.customId };
  try {
    if (interaction.isChatInputCommand()) {
      const command = ctx.commands.get(interaction.commandName);
      if (!command) throw new FootnoteError('NOT_FOUND', `Footnote has no /${interaction.commandName} command any more.`);
      await command.execute(interaction, ctx);
    } else if (interaction.isModalSubmit()) {
      await handleModal(interaction, ctx);
    } else if (interaction.customId.startsWith(STUDY_PREFIX)) {
      await handleStudyButton(interaction, ctx);
    } else {
      await handleButton(interaction, ctx);
    }
  } catch (error) {
    await replyWithError(interaction, error, ctx.log, what);
  }
}

async function autocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  try {
    const command = ctx.commands.get(interaction.commandName);
    if (command?.autocomplete && ctx.work.accepting) await command.autocomplete(interaction, ctx);
    else await interaction.respond([]);
  } catch (error) {
    ctx.log.warn('autocomplete failed', { command: interaction.commandName, reason: (error as Error)?.message });
  }
}

async function restarting(ctx: BotContext, interaction: RepliableInteraction): Promise<void> {
  try {
    await interaction.reply({ ...renderNotice('Footnote is restarting; please try again in a moment.'), flags: MessageFlags.Ephemeral });
  } catch (error) {
    ctx.log.warn('could not answer an interaction during shutdown', { reason: (error as Error)?.message });
  }
}
