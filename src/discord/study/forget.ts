/**
 * /forget-me for the study tools: the quiz and study messages already posted that show the member
 * are shown again without them. A revealed question lists who got it right and counts every answer,
 * and a quiz's or session's summary lists each member's score and names who stopped or ended it:
 * those are rendered again from the store once the member's answers are deleted. An intro names who
 * started a quiz or session, and a study step who moved the session on: that line is taken off.
 */
import { RESTJSONErrorCodes, type Client, type Message, type MessageEditOptions } from 'discord.js';
import type { MemberMessages } from '../../store/study.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS, type OutgoingMessage } from '../render.js';
import { isDiscordError } from '../respond.js';
import { withoutActorName } from './render.js';
import { exclusive, revealMessage, roundKey, roundSummaryMessage } from './runner.js';
import { sessionSummaryMessage } from './sessions.js';

/** How many of the messages that showed the member were changed, and how many could not be (a moderator can delete those). */
export interface ShownAgain {
  changed: number;
  unchanged: number;
}

type Outcome = 'changed' | 'unchanged' | 'gone' | 'same';

/**
 * Show again without the member the messages `found` (read with `messagesNaming` before the store
 * forgot them). A message that is gone (deleted, or its channel) needs nothing; one that names
 * nobody any more is left as it is.
 */
export async function showWithoutMember(ctx: BotContext, client: Client, found: MemberMessages): Promise<ShownAgain> {
  const outcomes: Outcome[] = [];
  const store = ctx.store.study;
  const rounds = new Set([...found.reveals.map((r) => r.roundId), ...found.summaries]);
  for (const roundId of rounds) {
    // under the round's lock: a running quiz's driver edits the same messages
    await exclusive(ctx, roundKey(roundId), async () => {
      const round = store.getRound(roundId);
      if (!round) return;
      for (const { position } of found.reveals.filter((r) => r.roundId === roundId)) {
        const q = store.question(roundId, position);
        if (q?.messageId) outcomes.push(await edit(ctx, client, round.channelId, q.messageId, () => revealMessage(ctx, round, q)));
      }
      if (!found.summaries.includes(roundId) || !round.summaryMessageId) return;
      const session = round.sessionId ? store.getSession(round.sessionId) : undefined;
      if (round.sessionId && !session) return;
      outcomes.push(await edit(ctx, client, round.channelId, round.summaryMessageId, () => (session ? sessionSummaryMessage(ctx, session) : roundSummaryMessage(ctx, round))));
    });
  }
  for (const m of [...found.intros, ...found.steps]) {
    outcomes.push(
      await edit(ctx, client, m.channelId, m.messageId, (message) => {
        const embeds = withoutActorName(message.embeds.map((e) => e.toJSON()));
        return embeds && { embeds, allowedMentions: NO_MENTIONS };
      }),
    );
  }
  return { changed: outcomes.filter((o) => o === 'changed').length, unchanged: outcomes.filter((o) => o === 'unchanged').length };
}

/**
 * Edit one of the bot's messages to what `change` makes of it (undefined: it needs no change).
 * Failures are logged and counted, never thrown: the member's data is already deleted.
 */
async function edit(ctx: BotContext, client: Client, channelId: string, messageId: string, change: (message: Message) => OutgoingMessage | MessageEditOptions | undefined): Promise<Outcome> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isTextBased()) return 'gone';
    const message = await channel.messages.fetch(messageId);
    const changed = change(message);
    if (!changed) return 'same';
    await message.edit(changed as MessageEditOptions);
    return 'changed';
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel)) return 'gone';
    ctx.log.warn('could not take a forgotten member off a quiz or study message', { channel: channelId, message: messageId, reason: (error as Error)?.message });
    return 'unchanged';
  }
}
