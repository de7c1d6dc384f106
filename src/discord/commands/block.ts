import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { guildMemberFacts, requireModerator } from '../moderation/members.js';
import { isModerator } from '../../study/permissions.js';
import { modLogFailure } from '../moderation/channels.js';
import { announce, optionId } from '../moderation/options.js';
import { escapeText, renderNotice } from '../render.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('block')
  .setDescription('Stop a member from asking Footnote questions in this server (moderators)')
  .setContexts(InteractionContextType.Guild)
  .addUserOption((o) => o.setName('member').setDescription('The member to block').setRequired(true))
  .addStringOption((o) => o.setName('reason').setDescription('Why (kept in the moderation record)').setMaxLength(300));

export const help: CommandHelp = { group: 'moderation' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { guildId, settings, actor } = requireModerator(interaction, ctx);
  const target = optionId(interaction, 'member');
  if (!target) throw new FootnoteError('BAD_ARGUMENT', 'Choose the member to block.');
  if (target === interaction.user.id) throw new FootnoteError('BAD_ARGUMENT', 'You cannot block yourself.');
  if (target === interaction.client.user.id || interaction.options.getUser('member')?.bot) throw new FootnoteError('BAD_ARGUMENT', 'Bots are never answered, so there is no need to block one.');
  // A moderator could unblock themselves, and a moderator role must not shut out the server's managers.
  const member = await guildMemberFacts(interaction.guild, target);
  if (member && isModerator(member, settings)) {
    throw new FootnoteError('BAD_ARGUMENT', `Nothing was changed: <@${target}> is a Footnote moderator here (Manage Server, or a moderator role), and a block would not hold against a moderator. Take away their moderator role first.`);
  }
  const reason = interaction.options.getString('reason')?.trim() || null;
  const { created } = await ctx.store.save(() => {
    const blocked = ctx.store.moderation.block(guildId, target, reason, actor);
    ctx.store.moderation.recordAction({ guildId, action: 'block', targetUserId: target, detail: { reason, alreadyBlocked: !blocked.created } }, actor);
    return blocked;
  });
  const announced = !created || (await announce(ctx, interaction.client, settings, `🚫 <@${target}> was blocked from asking Footnote by ${escapeText(actor.userName ?? actor.userId)}${reason ? `: ${escapeText(reason)}` : '.'}`));
  const failed = announced ? '' : ` ${modLogFailure(interaction.guild, settings.modLogChannelId!)}`;
  await interaction.editReply(
    renderNotice(created ? `Blocked <@${target}>: they get a short refusal when they ask Footnote in this server. /unblock undoes it.${failed}` : `<@${target}> was already blocked${reason ? '; the reason was updated' : ''}.`),
  );
}
