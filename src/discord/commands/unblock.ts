import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { requireModerator } from '../moderation/members.js';
import { modLogFailure } from '../moderation/channels.js';
import { announce, optionId } from '../moderation/options.js';
import { escapeText, renderNotice } from '../render.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('unblock')
  .setDescription('Let a blocked member ask Footnote questions again (moderators)')
  .setContexts(InteractionContextType.Guild)
  .addUserOption((o) => o.setName('member').setDescription('The member to unblock').setRequired(true));

export const help: CommandHelp = { group: 'moderation' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { guildId, settings, actor } = requireModerator(interaction, ctx);
  const target = optionId(interaction, 'member');
  if (!target) throw new FootnoteError('BAD_ARGUMENT', 'Choose the member to unblock.');
  const was = await ctx.store.save(() => {
    const unblocked = ctx.store.moderation.unblock(guildId, target);
    if (unblocked) ctx.store.moderation.recordAction({ guildId, action: 'unblock', targetUserId: target }, actor);
    return unblocked;
  });
  if (!was) {
    await interaction.editReply(renderNotice(`<@${target}> is not blocked.`));
    return;
  }
  const announced = await announce(ctx, interaction.client, settings, `✅ <@${target}> was unblocked by ${escapeText(actor.userName ?? actor.userId)}.`);
  await interaction.editReply(renderNotice(`Unblocked <@${target}>: they can ask Footnote again.${announced ? '' : ` ${modLogFailure(interaction.guild, settings.modLogChannelId!)}`}`));
}
