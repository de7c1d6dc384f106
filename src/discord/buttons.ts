/**
 * Button presses. Everything a press needs is in its custom id and the store, so buttons on
 * messages from before a restart keep working.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { FootnoteError } from '../errors.js';
import type { AnswerRecord } from '../store/index.js';
import type { BotContext } from './context.js';
import { decodeCustomId, type ButtonAction } from './custom-id.js';
import { interactionMember } from './moderation/members.js';
import { openReportModal, reviewReport } from './moderation/reports.js';
import { citationView, passageView, refuseReader } from './passages.js';
import { answerButtons, NO_MENTIONS, renderPassage } from './render.js';

export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  if (!action) throw new FootnoteError('BAD_ARGUMENT', 'That button is from an older version of Footnote and no longer does anything. Ask again to get fresh buttons.');
  switch (action.kind) {
    case 'passage':
      return showCitedPassage(interaction, ctx, action);
    case 'vote':
      return vote(interaction, ctx, action);
    case 'report':
      return openReportModal(interaction, ctx, action.answerId);
    case 'show':
      return showPassage(interaction, ctx, action.passageId);
    case 'review':
      return reviewReport(interaction, ctx, action);
  }
}

function storedAnswer(ctx: BotContext, answerId: string): AnswerRecord {
  const record = ctx.store.answers.get(answerId);
  if (!record) throw new FootnoteError('NOT_FOUND', 'That answer is no longer stored, so its buttons do not work any more. Ask again for a fresh answer.');
  return record;
}

/** `Passage n`: the cited passage with the quoted words in bold and its neighbours, seen only by the presser. */
async function showCitedPassage(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'passage' }>): Promise<void> {
  refuseReader(ctx, interaction.guildId, interactionMember(interaction));
  const record = storedAnswer(ctx, action.answerId);
  const citation = record.answer.citations.find((c) => c.n === action.n);
  if (citation) {
    const { view, emphasis, note } = citationView(ctx.engine, citation);
    await interaction.reply({ ...renderPassage(view, { heading: `Passage ${action.n} — ${citation.title}`, emphasis, note }), flags: MessageFlags.Ephemeral });
    return;
  }
  // an abstention's buttons open its nearest passages
  const nearest = record.answer.citations.length ? undefined : record.answer.passages[action.n - 1];
  if (!nearest) throw new FootnoteError('NOT_FOUND', `That answer has no passage ${action.n}.`);
  const view = passageView(ctx.engine, nearest.id) ?? { id: nearest.id, title: nearest.title, section: nearest.section, paragraph: nearest.paragraph, text: nearest.text };
  await interaction.reply({ ...renderPassage(view, { heading: `Passage ${action.n} — ${nearest.title}` }), flags: MessageFlags.Ephemeral });
}

async function showPassage(interaction: ButtonInteraction, ctx: BotContext, passageId: string): Promise<void> {
  refuseReader(ctx, interaction.guildId, interactionMember(interaction));
  const view = passageView(ctx.engine, passageId);
  if (!view) throw new FootnoteError('NOT_FOUND', 'That passage is no longer in the corpus.');
  await interaction.reply({ ...renderPassage(view), flags: MessageFlags.Ephemeral });
}

/**
 * 👍 / 👎: recorded per user; pressing the same again withdraws it. The counts on the buttons follow
 * once the vote is saved: at once, or — when the database is busy and the vote has to wait — after
 * the press was acknowledged (Discord allows 3 s) and the vote landed.
 */
async function vote(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'vote' }>): Promise<void> {
  const record = storedAnswer(ctx, action.answerId);
  let acknowledged: Promise<unknown> | undefined;
  const { tally } = await ctx.store.save(
    () => ctx.store.feedback.setVote(record.id, interaction.user.id, action.vote),
    () => {
      acknowledged = interaction.deferUpdate();
      acknowledged.catch(() => {}); // awaited (and its failure handled) below
    },
  );
  const counts = { components: answerButtons(record, tally), allowedMentions: NO_MENTIONS };
  if (!acknowledged) {
    await interaction.update(counts);
    return;
  }
  await acknowledged;
  await interaction.editReply(counts);
}
