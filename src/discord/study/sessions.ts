/**
 * Study sessions in Discord: a thread that walks the group through passages one step at a time.
 * The session's state (steps, current step, whether it was posted) is in the store, so `/study next`
 * after a restart picks up where the group was, and a step lost to a crash is posted again.
 */
import { MessageFlags, RESTJSONErrorCodes, ThreadAutoArchiveDuration, type ChatInputCommandInteraction, type Message } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { RoundEnder, StudySession } from '../../store/study.js';
import { checkQuestion, type QuizQuestion } from '../../study/quiz.js';
import { withRanks } from '../../study/scores.js';
import { checkQuestionFor, discussionPrompt, mayEndSession, mayLockSession, mayTakePart, planSteps, resolveSection, sectionLabel } from '../../study/session.js';
import type { MemberFacts } from '../../study/permissions.js';
import type { GuildSettings } from '../../store/index.js';
import type { BotContext } from '../context.js';
import { passageView } from '../passages.js';
import { escapeText, renderNotice, truncate, type OutgoingMessage } from '../render.js';
import { isDiscordError } from '../respond.js';
import { allowedMember, channelDocuments, memberName, requireGuild } from './members.js';
import { renderSessionIntro, renderSessionSummary, renderStudyStep } from './render.js';
import { closeOpenQuestions, documentsShown, documentTitle, driveLocked, exclusive, post, roundKey, studyRuntime } from './runner.js';
import { sectionNotFound } from './sections.js';

/** The session a command is about: the one whose thread it was used in, else the only one running in the channel. */
function findSession(ctx: BotContext, channelId: string): StudySession {
  const store = ctx.store.study;
  const inThread = store.sessionInThread(channelId);
  if (inThread) return inThread;
  const here = store.runningSessionsIn(channelId);
  if (here.length === 1) return here[0]!;
  if (here.length > 1) throw new FootnoteError('BAD_ARGUMENT', 'Several study sessions run from this channel: use the command inside the session’s thread.');
  throw new FootnoteError('NOT_FOUND', 'No study session runs here. Start one with `/study start`, or use this command inside a session’s thread.');
}

/** Post the current step (passage, discussion prompt) and its check question, unless already posted. Hold the round's lock. */
export async function ensureStepPosted(ctx: BotContext, sessionId: string, movedBy?: RoundEnder): Promise<void> {
  const store = ctx.store.study;
  const s = store.getSession(sessionId);
  if (!s || s.status !== 'running' || s.stepPosted || !s.threadId) return;
  const passageId = s.steps[s.step]!;
  const chunk = ctx.quizBank.passages.find((p) => p.id === passageId);
  const view = passageView(ctx.engine, passageId);
  let question: QuizQuestion | undefined;
  if (chunk && view) {
    question = checkQuestionFor(ctx.quizBank, passageId, s.seed + s.step);
    if (question && checkQuestion(question, ctx.engine.documents).length) question = undefined;
  }
  const payload = chunk && view
    ? renderStudyStep({ passage: view, step: s.step, total: s.steps.length, prompt: discussionPrompt(ctx.quizBank, chunk, s.step), movedBy: movedBy?.name, hasCheck: Boolean(question) })
    : renderNotice(`Step ${s.step + 1} of ${s.steps.length}: the passage ${passageId} is no longer in the corpus. Use /study next to move on.`);
  let sent: Message;
  try {
    sent = await post(ctx, s.threadId, payload);
  } catch (error) {
    // the thread is deleted (or its channel is)
    if (isDiscordError(error, RESTJSONErrorCodes.UnknownChannel)) {
      await endThreadlessLocked(ctx, s.id);
      throw new FootnoteError('NOT_FOUND', THREAD_GONE);
    }
    // The step stays unposted: the next /study next (or start-up) posts it again.
    ctx.log.warn('could not post a study step', { session: s.id, step: s.step, thread: s.threadId, reason: (error as Error)?.message });
    throw new FootnoteError('BAD_ARGUMENT', 'I could not post in the session’s thread (was it deleted or locked, or am I missing Send Messages in Threads?). Try `/study next` again, or `/study end`.');
  }
  await ctx.store.save(() => store.markStepPosted(s.id, s.step, question, { messageId: sent.id, movedBy: movedBy?.userId ?? null }));
  await driveLocked(ctx, s.roundId);
}

const THREAD_GONE = 'The session’s thread was deleted, so the session has ended. Start a new one with `/study start`.';

/**
 * Discord no longer has the thread (404 Unknown Channel); any other failure is not taken as proof it
 * is gone. Asked of Discord, not the cache, which keeps a thread whose deletion went unseen.
 */
export async function threadGone(ctx: BotContext, threadId: string): Promise<boolean> {
  const client = studyRuntime(ctx).client;
  if (!client) return false;
  try {
    await client.channels.fetch(threadId, { force: true });
    return false;
  } catch (error) {
    return isDiscordError(error, RESTJSONErrorCodes.UnknownChannel);
  }
}

/**
 * End a running session whose thread is gone (deleted, or its channel was). Nothing can be shown
 * there, so its open check question is closed and its round finished in the store only; the session
 * is recorded as ended by the bot. False when it was not running.
 */
export async function endThreadlessSession(ctx: BotContext, sessionId: string): Promise<boolean> {
  const s = ctx.store.study.getSession(sessionId);
  if (!s || s.status !== 'running') return false;
  return exclusive(ctx, roundKey(s.roundId), () => endThreadlessLocked(ctx, sessionId));
}

/** `endThreadlessSession` for a caller holding the session round's lock. */
async function endThreadlessLocked(ctx: BotContext, sessionId: string): Promise<boolean> {
  const store = ctx.store.study;
  const at = Date.now();
  const by = studyRuntime(ctx).client?.user?.id;
  const ended = await ctx.store.save(() => {
    const s = store.getSession(sessionId);
    if (!s || !store.endSession(s.id, by ?? s.startedBy, at)) return undefined;
    for (const q of store.questions(s.roundId)) {
      if (q.revealShown) continue;
      store.claimReveal(s.roundId, q.position, at);
      store.markRevealShown(s.roundId, q.position);
    }
    store.finishRound(s.roundId, at);
    return s;
  });
  if (ended) ctx.log.info('study session ended: its thread is gone', { session: ended.id, thread: ended.threadId, channel: ended.channelId });
  return Boolean(ended);
}

/** An ended session's summary with the group's scores, as stored now. */
export function sessionSummaryMessage(ctx: BotContext, session: StudySession): OutgoingMessage {
  const store = ctx.store.study;
  const round = store.getRound(session.roundId);
  const results = withRanks(store.roundResults(session.roundId).map((r) => ({ ...r, points: r.correct })));
  const asked = store.questions(session.roundId).filter((q) => q.messageId !== null).length;
  return renderSessionSummary({
    section: session.section,
    documents: documentsShown(ctx, session.steps.map(docOfPassage)),
    covered: session.stepPosted ? session.step + 1 : session.step,
    total: session.steps.length,
    questions: asked,
    results,
    endedBy: round?.endedByName ?? undefined,
  });
}

/** End a session: reveal its open check question, close its round, post the group's scores. Hold the round's lock. */
async function endLocked(ctx: BotContext, s: StudySession, userId: string, name: string): Promise<'ended' | 'thread-gone' | false> {
  const store = ctx.store.study;
  // a thread deleted unseen: nothing to reveal or sum up there
  if (s.threadId && (await threadGone(ctx, s.threadId))) return (await endThreadlessLocked(ctx, s.id)) ? 'thread-gone' : false;
  const endedAt = Date.now();
  if (!(await ctx.store.save(() => store.endSession(s.id, userId, endedAt)))) return false;
  await closeOpenQuestions(ctx, s.roundId);
  await driveLocked(ctx, s.roundId);
  const finishedAt = Date.now();
  await ctx.store.save(() => store.finishRound(s.roundId, finishedAt, { userId, name }));
  const latest = store.getSession(s.id)!;
  if (latest.threadId) {
    let sent: Message | undefined;
    try {
      sent = await post(ctx, latest.threadId, sessionSummaryMessage(ctx, latest));
    } catch (error) {
      ctx.log.warn('could not post the study summary', { session: s.id, reason: (error as Error)?.message });
    }
    // it shows the members' names: /forget-me shows it again without theirs
    if (sent) await ctx.store.save(() => store.markSummaryPosted(s.roundId, sent.id));
  }
  return 'ended';
}

/** The `role` option; when Discord sent no resolved role (only its id), the name comes from the guild's cache. */
function roleOption(interaction: ChatInputCommandInteraction): { id: string; name: string } | null {
  const role = interaction.options.getRole('role');
  if (role) return { id: role.id, name: role.name };
  const id = interaction.options.get('role')?.value;
  if (typeof id !== 'string' || !/^\d{5,25}$/.test(id)) return null;
  return { id, name: interaction.guild?.roles.cache.get(id)?.name ?? 'chosen by the moderators' };
}

/** The document of a passage id (`doc#p4`). */
const docOfPassage = (passageId: string) => passageId.slice(0, passageId.lastIndexOf('#'));

/** `/study start [section] [role]` */
export async function startSession(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireGuild(interaction);
  const { member, settings } = allowedMember(interaction, ctx, guildId);
  if (interaction.channel?.isThread()) throw new FootnoteError('BAD_ARGUMENT', 'Start a study session from a text channel, not a thread: the session opens a thread of its own.');
  const role = roleOption(interaction);
  if (role) {
    const verdict = mayLockSession(member, settings);
    if (!verdict.allowed) throw new FootnoteError('BAD_ARGUMENT', verdict.reason);
    if (role.id === guildId) throw new FootnoteError('BAD_ARGUMENT', 'Everyone has the @everyone role; leave `role` out to open the session to everyone.');
  }
  const typed = interaction.options.getString('section');
  const section = resolveSection(ctx.quizBank, typed);
  if (section === null) throw sectionNotFound(ctx, typed ?? '');
  // a channel limited to some documents (/config channel-documents) studies those only
  const docIds = channelDocuments(interaction, settings);
  const steps = planSteps(ctx.quizBank, section).filter((p) => !docIds || docIds.includes(p.docId));
  if (!steps.length) {
    if (!docIds) throw new FootnoteError('NOT_FOUND', 'There are no passages to study.');
    const titles = docIds.map((d) => `“${escapeText(documentTitle(ctx, d))}”`).join(', ');
    throw new FootnoteError('NOT_FOUND', `This channel draws only on ${titles} (/config channel-documents)${section === undefined ? ', which has no passages to study' : `, and no passage there stands under the section “${escapeText(sectionLabel(section))}”`}.`);
  }

  await interaction.deferReply();
  const store = ctx.store.study;
  const name = memberName(interaction);
  const started = { guildId, channelId: interaction.channelId, startedBy: interaction.user.id, section: section ?? null, lockedRoleId: role?.id ?? null, lockedRoleName: role?.name ?? null, steps: steps.map((p) => p.id), seed: studyRuntime(ctx).options.seed() };
  const session = await ctx.store.save(() => store.createSession(started, { section: section ?? null, source: 'offline', timeLimitMs: null }));
  const intro = await interaction.editReply(renderSessionIntro({ section: section ?? null, documents: documentsShown(ctx, steps.map((p) => p.docId)), steps: steps.length, lockedRoleName: role?.name ?? null, startedBy: name }));
  // it names who started the session: /forget-me takes the name off
  await ctx.store.save(() => store.markIntroPosted(session.roundId, intro.id));
  let threadId: string;
  try {
    threadId = (await intro.startThread({ name: truncate(`Study: ${sectionLabel(section)}`, 100), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay })).id;
  } catch (error) {
    const at = Date.now();
    await ctx.store.save(() => {
      store.endSession(session.id, interaction.user.id, at);
      store.finishRound(session.roundId, at);
    });
    ctx.log.warn('could not open a study thread', { session: session.id, channel: interaction.channelId, reason: (error as Error)?.message });
    throw new FootnoteError('BAD_ARGUMENT', 'I could not open a thread here (I need Create Public Threads and Send Messages in Threads), so the session did not start.');
  }
  await ctx.store.save(() => store.setSessionThread(session.id, threadId));
  await exclusive(ctx, roundKey(session.roundId), () => ensureStepPosted(ctx, session.id));
}

/** The session a command acts on, checked: running, and the member may take part. */
function sessionFor(interaction: ChatInputCommandInteraction, ctx: BotContext): { session: StudySession; member: MemberFacts; settings: GuildSettings } {
  const guildId = requireGuild(interaction);
  const { member, settings } = allowedMember(interaction, ctx, guildId);
  const session = findSession(ctx, interaction.channelId);
  if (session.guildId !== guildId) throw new FootnoteError('NOT_FOUND', 'No study session runs here.');
  if (session.status !== 'running') throw new FootnoteError('BAD_ARGUMENT', 'This study session has ended. Start a new one with `/study start`.');
  const verdict = mayTakePart(member, session, settings);
  if (!verdict.allowed) throw new FootnoteError('BAD_ARGUMENT', verdict.reason);
  return { session, member, settings };
}

/** `/study next`: reveal the current check question and post the next step; after the last step, end. */
export async function nextStep(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { session } = sessionFor(interaction, ctx);
  // The step the member saw when they asked to move on: two members pressing at once move it one step, not two.
  const seen = session.step;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const name = memberName(interaction);
  const store = ctx.store.study;
  const said = await exclusive(ctx, roundKey(session.roundId), async () => {
    let s = store.getSession(session.id)!;
    if (s.status !== 'running') return 'The session ended a moment ago.';
    if (s.step !== seen) return 'Someone moved the session on a moment ago.';
    if (!s.stepPosted) await ensureStepPosted(ctx, s.id);
    s = store.getSession(s.id)!;
    if (s.step + 1 >= s.steps.length) {
      if ((await endLocked(ctx, s, interaction.user.id, name)) === 'thread-gone') return THREAD_GONE;
      return 'That was the last passage, so the session is over: the summary with the group’s scores is in the thread.';
    }
    const from = s.step;
    if (!(await ctx.store.save(() => store.advanceSession(s.id, from)))) return 'Someone moved the session on a moment ago.';
    await closeOpenQuestions(ctx, s.roundId);
    await driveLocked(ctx, s.roundId);
    await ensureStepPosted(ctx, s.id, { userId: interaction.user.id, name });
    return `Moved on to step ${s.step + 2} of ${s.steps.length}.`;
  });
  await interaction.editReply(renderNotice(said));
}

/** `/study end`: reveal the open check question and post the summary with the group's scores. */
export async function endStudy(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { session, member, settings } = sessionFor(interaction, ctx);
  const verdict = mayEndSession(member, session, settings);
  if (!verdict.allowed) throw new FootnoteError('BAD_ARGUMENT', verdict.reason);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const ended = await exclusive(ctx, roundKey(session.roundId), async () => {
    const s = ctx.store.study.getSession(session.id)!;
    return endLocked(ctx, s, interaction.user.id, memberName(interaction));
  });
  await interaction.editReply(renderNotice(ended === 'thread-gone' ? THREAD_GONE : ended ? 'The session is over: the summary with the group’s scores is in the thread.' : 'The session had already ended.'));
}
