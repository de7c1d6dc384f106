import { Events, type Client } from 'discord.js';
import { oneAtATime, setWithdrawn } from '../answering.js';
import type { BotContext } from '../context.js';
import { deleteOutcome } from '../conversation.js';
import { deleteAnswerMessages } from '../moderation/reports.js';
import type { BotEvent } from './index.js';

/**
 * A member's question was deleted (by them or a moderator): the bot's answer goes too, its messages
 * and its record, so no answer stands under a question that is not there — unless it was reported
 * (the moderators need it) or a thread opened on it carries on (see `deleteOutcome`). The link from
 * question to answer is in the store, so this works for messages from before a restart, which
 * arrive as partials (Partials.Message).
 */
const messageDelete: BotEvent<Events.MessageDelete> = {
  name: Events.MessageDelete,
  execute(ctx, message) {
    if (!ctx.work.accepting) return;
    // the bot's own messages are never questions (a partial has no author: the store answers that)
    if (message.author?.bot) return;
    void ctx.work.track(followDeletion(ctx, message.client, [message.id]));
  },
};

export default messageDelete;

/** Take the answers of deleted question messages away (failures are logged, never thrown). */
export async function followDeletion(ctx: BotContext, client: Client, messageIds: readonly string[]): Promise<void> {
  // an answer still being written for one of them is not shown (see answerMessage)
  for (const id of messageIds) setWithdrawn(ctx, id, true);
  await Promise.all(
    messageIds.map((id) =>
      oneAtATime(ctx, id, () => withdrawAnswer(ctx, client, id))
        .catch((error: unknown) => ctx.log.error('following a deleted question failed', error, { message: id }))
        .finally(() => setWithdrawn(ctx, id, false)),
    ),
  );
}

async function withdrawAnswer(ctx: BotContext, client: Client, questionId: string): Promise<void> {
  const record = ctx.store.answers.byQuestionMessage(questionId);
  if (!record) return;
  const shown = ctx.store.moderation.answerMessages(record.id);
  const thread = shown[0] ? ctx.store.conversations.get(shown[0]) : undefined;
  const outcome = deleteOutcome({ reported: ctx.store.feedback.reportsFor(record.id).length > 0, threadTurns: thread?.turns ?? 0 });
  const fields = { channel: record.channelId, message: questionId, answer: record.id };
  if (outcome !== 'delete') {
    ctx.log.info('a deleted question keeps its answer', { ...fields, why: outcome });
    return;
  }
  const { removed, gone } = await deleteAnswerMessages(client, record.channelId, shown, (answerMessage, error) =>
    ctx.log.warn('could not delete the answer to a deleted question', { ...fields, answerMessage, reason: (error as Error)?.message }),
  );
  // a message still showing the answer keeps its record, so its buttons still work
  if (removed + gone < shown.length) return;
  await ctx.store.save(() => ctx.store.answers.remove(record.id));
  ctx.log.info('deleted the answer to a deleted question', { ...fields, messages: shown.length });
}
