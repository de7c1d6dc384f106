import { Events, type Message } from 'discord.js';
import { oneAtATime } from '../answering.js';
import type { BotContext } from '../context.js';
import { editOutcome } from '../conversation.js';
import { answerMessage, classify } from './messageCreate.js';
import type { BotEvent } from './index.js';

/**
 * A member edited a question the bot answered: within EDIT_FOLLOW_MS of asking, the new question is
 * answered in the answer's own messages, through the same steps as a new message (the server's
 * rules, cooldown and queue). The link from question to answer is in the store, so this works for
 * messages from before a restart, which arrive as partials (Partials.Message). What an edit does to
 * the answer is decided by `editOutcome` (src/discord/conversation.ts).
 */
const messageUpdate: BotEvent<Events.MessageUpdate> = {
  name: Events.MessageUpdate,
  execute(ctx, before, after) {
    if (!ctx.work.accepting) return;
    if (after.author.bot || after.system || after.webhookId) return;
    // a link preview, a pin, an embed: the words are the same (an uncached message is compared with the stored question)
    if (!before.partial && before.content === after.content) return;
    void ctx.work.track(followEdit(ctx, after));
  },
};

export default messageUpdate;

/** Answer an edited question again, or leave its answer (failures are logged). */
export function followEdit(ctx: BotContext, message: Message): Promise<void> {
  return oneAtATime(ctx, message.id, async () => {
    const record = ctx.store.answers.byQuestionMessage(message.id);
    if (!record || record.userId !== message.author.id) return;
    const asked = classify(ctx, message, record);
    const outcome = editOutcome({
      answered: record.question,
      edited: asked?.text || undefined,
      askedAt: message.createdTimestamp,
      now: Date.now(),
      reported: ctx.store.feedback.reportsFor(record.id).length > 0,
    });
    if (outcome !== 'answer-again' || !asked) {
      if (outcome !== 'unchanged') ctx.log.info('an edited question keeps its answer', { channel: message.channelId, message: message.id, answer: record.id, why: outcome });
      return;
    }
    await answerMessage(ctx, message, asked, record);
  }).catch((error: unknown) => ctx.log.error('following an edited question failed', error, { channel: message.channelId, message: message.id }));
}
