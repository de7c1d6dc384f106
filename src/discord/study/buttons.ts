/**
 * Buttons of quizzes and study sessions. A press carries its round, question and choice; the rest
 * is in the store, so buttons on messages from before a restart keep working.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import { isModerator } from '../../study/permissions.js';
import { mayTakePart } from '../../study/session.js';
import type { QuizRound } from '../../store/study.js';
import type { BotContext } from '../context.js';
import { renderNotice } from '../render.js';
import { decodeStudyId, type StudyAction } from './ids.js';
import { allowedMember, memberName } from './members.js';
import { renderAnswerFeedback } from './render.js';
import { attachStudy } from './resume.js';
import { documentTitle, drive, stopQuiz } from './runner.js';

export { STUDY_PREFIX } from './ids.js';

export async function handleStudyButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  attachStudy(ctx, interaction.client);
  const action = decodeStudyId(interaction.customId);
  if (!action) throw new FootnoteError('BAD_ARGUMENT', 'That button is from an older version of Footnote and no longer does anything. Start a new quiz with /quiz.');
  if (action.kind === 'answer') return answer(interaction, ctx, action);
  if (action.kind === 'stop') return stop(interaction, ctx, action);
  return reveal(interaction, ctx, action);
}

function stored(ctx: BotContext, interaction: ButtonInteraction, roundId: string, position: number) {
  const round = ctx.store.study.getRound(roundId);
  const question = round && ctx.store.study.question(roundId, position);
  if (!round || !question || round.guildId !== interaction.guildId) throw new FootnoteError('NOT_FOUND', 'That quiz is no longer stored, so its buttons do not work any more. Start a new one with /quiz.');
  return { round, question };
}

/** An answer: recorded once per member and question, while the question is open; the member sees privately whether it was right, with the proof. */
async function answer(interaction: ButtonInteraction, ctx: BotContext, action: Extract<StudyAction, { kind: 'answer' }>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { round, question } = stored(ctx, interaction, action.roundId, action.position);
  const { member, settings } = allowedMember(interaction, ctx, round.guildId);
  if (round.sessionId) {
    const session = ctx.store.study.getSession(round.sessionId);
    const verdict = session ? mayTakePart(member, session, settings) : { allowed: true as const };
    if (!verdict.allowed) throw new FootnoteError('BAD_ARGUMENT', verdict.reason);
  }
  if (action.choice >= question.question.options.length) throw new FootnoteError('BAD_ARGUMENT', 'That option is not part of the question.');
  const answer = { roundId: round.id, position: question.position, userId: interaction.user.id, userName: memberName(interaction), choice: action.choice, at: Date.now() };
  const outcome = await ctx.store.save(() => ctx.store.study.recordAnswer(answer));
  if (outcome.outcome === 'closed') {
    // A press after the deadline reveals the answer if the timer has not (e.g. right after a restart).
    await drive(ctx, round.id);
    await interaction.editReply(renderNotice('This question is closed: its answer has been revealed on the question, so no answer is taken any more.'));
    return;
  }
  await interaction.editReply(
    renderAnswerFeedback({
      question: question.question,
      answer: outcome.answer,
      documentTitle: documentTitle(ctx, question.question.evidence.docId),
      score: ctx.store.study.score(round.guildId, interaction.user.id),
      again: outcome.outcome === 'already',
    }),
  );
}

/** Reveal now and Stop quiz: for whoever started the quiz, and moderators. */
function requireStarterOrModerator(interaction: ButtonInteraction, ctx: BotContext, round: QuizRound, refusal: string): void {
  const { member, settings } = allowedMember(interaction, ctx, round.guildId);
  if (interaction.user.id !== round.startedBy && !isModerator(member, settings)) throw new FootnoteError('BAD_ARGUMENT', refusal);
}

/** Reveal now: for whoever started the quiz, and moderators. */
async function reveal(interaction: ButtonInteraction, ctx: BotContext, action: Extract<StudyAction, { kind: 'reveal' }>): Promise<void> {
  const { round, question } = stored(ctx, interaction, action.roundId, action.position);
  requireStarterOrModerator(interaction, ctx, round, 'Only whoever started this quiz, or a moderator, can reveal the answer early. It is revealed by itself when the time is up.');
  await interaction.deferUpdate();
  const at = Date.now();
  await ctx.store.save(() => ctx.store.study.closeQuestion(round.id, question.position, at));
  await drive(ctx, round.id);
}

/** Stop quiz: the open question is revealed and the scores so far are posted; the channel is free for a new quiz. */
async function stop(interaction: ButtonInteraction, ctx: BotContext, action: Extract<StudyAction, { kind: 'stop' }>): Promise<void> {
  const { round } = stored(ctx, interaction, action.roundId, action.position);
  if (round.kind !== 'quiz') throw new FootnoteError('BAD_ARGUMENT', 'A study session is ended with /study end.');
  requireStarterOrModerator(interaction, ctx, round, 'Only whoever started this quiz, or a moderator, can stop it. It ends by itself after its last question.');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const stopped = await stopQuiz(ctx, round.id, { userId: interaction.user.id, name: memberName(interaction) });
  await interaction.editReply(
    renderNotice(stopped ? 'You stopped the quiz: the open question was revealed and the scores so far are posted in the channel.' : 'This quiz was already over.'),
  );
}
