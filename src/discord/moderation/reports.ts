/**
 * Reports and their review: the Report button asks for a reason (a modal), the report is recorded
 * and posted to the mod-log channel with Approve, Correct and Hide for moderators. Every decision is
 * recorded with who and when; a correction must cite the corpus. A decision is about the answer and
 * final: it closes every report of that answer, their cards lose their buttons, and a later press
 * (an old card, a second moderator, a form opened before) is refused saying who decided what, when.
 */
import {
  ComponentType,
  MessageFlags,
  RESTJSONErrorCodes,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type Client,
  type Message,
  type ModalSubmitInteraction,
} from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { Actor, AnswerRecord, ModeratorActionKind, ReportResolution, ReportReview } from '../../store/index.js';
import { checkCorrectedText, parseCitationRefs } from '../../study/moderation.js';
import type { BotContext } from '../context.js';
import { encodeModalId, type ButtonAction } from '../custom-id.js';
import { escapedPrefix, escapeText, LIMITS, NO_MENTIONS, renderAnswer, renderNotice, renderReport, type ReportView } from '../render.js';
import { isDiscordError } from '../respond.js';
import { exclusive } from '../study/runner.js';
import { requireModerator } from './members.js';
import { correctionCitations, quotesHold, reviewedToAnswer } from './reviewed.js';
import { plural } from '../../ingest/text.js';

const REVIEWERS_ONLY = 'Only moderators can review reports: members with Manage Server, or with a moderator role set in /config.';
export const REASON_MAX = 500;

function storedAnswer(ctx: BotContext, answerId: string): AnswerRecord {
  const record = ctx.store.answers.get(answerId);
  if (!record) throw new FootnoteError('NOT_FOUND', 'That answer is no longer stored, so its buttons do not work any more. Ask again for a fresh answer.');
  return record;
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

/** Report: a modal for the reason (the modal is the acknowledgement); a second report by the same person is refused. */
export async function openReportModal(interaction: ButtonInteraction, ctx: BotContext, answerId: string): Promise<void> {
  const record = storedAnswer(ctx, answerId);
  const mine = ctx.store.feedback.reportsFor(record.id).find((r) => r.userId === interaction.user.id);
  if (mine) {
    await interaction.reply({ ...renderNotice(`You already reported this answer (report #${mine.id}); it is waiting for the moderators.`), flags: MessageFlags.Ephemeral });
    return;
  }
  const modal: APIModalInteractionResponseCallbackData = {
    custom_id: encodeModalId({ kind: 'report-reason', answerId: record.id }),
    title: 'Report this answer',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'reason',
            label: 'What is wrong with the answer?',
            style: TextInputStyle.Paragraph,
            required: true,
            min_length: 3,
            max_length: REASON_MAX,
            placeholder: 'e.g. the date is wrong, or the quote does not say that',
          },
        ],
      },
    ],
  };
  await interaction.showModal(modal);
}

/** The reason was given: record the report and tell the moderators (mod-log channel) or the reporter where it went. */
export async function submitReport(interaction: ModalSubmitInteraction, ctx: BotContext, answerId: string): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const record = storedAnswer(ctx, answerId);
  const reason = interaction.fields.getTextInputValue('reason').trim().slice(0, REASON_MAX);
  const { report, created } = await ctx.store.save(() =>
    ctx.store.feedback.recordReport({
      answerId: record.id,
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      messageId: interaction.message?.id ?? record.messageId,
      reason,
    }),
  );
  if (!created) {
    await interaction.editReply(renderNotice(`You already reported this answer (report #${report.id}); it is waiting for the moderators.`));
    return;
  }
  ctx.log.info('answer reported', { answer: record.id, report: report.id, user: interaction.user.id, guild: interaction.guildId ?? undefined });
  const modLog = interaction.guildId ? ctx.store.settings.get(interaction.guildId).modLogChannelId : null;
  // reports still waiting for a card (an earlier post failed) go out with this one, oldest first
  if (interaction.guildId && modLog) await postWaitingReports(ctx, interaction.client, interaction.guildId, modLog);
  const posted = Boolean(ctx.store.moderation.report(report.id)?.modLogMessageId);
  await interaction.editReply(renderNotice(`Thanks — your report (#${report.id}) was recorded ${whereReportWent(interaction.guildId, modLog, posted)}.`));
}

/** Where the reporter is told their report went: only what really happened. */
function whereReportWent(guildId: string | null, modLog: string | null, posted: boolean): string {
  if (!guildId) return 'and is kept with the record';
  if (posted) return 'and the moderators were told in their mod-log channel';
  if (modLog) return 'but could not be posted to the moderators’ mod-log channel just now; it is kept, posted there as soon as that works, and the moderators can see it in /modlog export';
  return 'and the moderators can see it in /modlog export. This server has no mod-log channel yet; the moderators get it to review once one is set (/config modlog)';
}

/** The report as the moderators see it, from the store. */
function reportView(ctx: BotContext, report: ReportReview, record: AnswerRecord): ReportView {
  const actions: ReportView['actions'] = ctx.store.moderation
    .reportActions(report.id)
    .filter((a) => ['approve', 'correct', 'hide'].includes(a.action))
    .map((a) => ({ action: a.action, by: a.userName ?? a.userId, at: a.at, note: typeof a.detail?.note === 'string' ? a.detail.note : undefined }));
  const decision = decisionOf(ctx, report);
  // a report closed by a decision taken on another report of the same answer says so
  if (decision?.resolution && !actions.length) {
    actions.push({ action: ACTION_OF[decision.resolution], by: decision.reviewedByName ?? decision.reviewedBy ?? 'a moderator', at: decision.reviewedAt ?? 0, note: decision.id === report.id ? undefined : `decided on report #${decision.id}` });
  }
  return {
    reportId: report.id,
    answerId: record.id,
    guildId: report.guildId,
    channelId: report.channelId ?? record.channelId,
    messageId: report.messageId ?? record.messageId,
    question: record.question,
    answer: record.answer.answer,
    abstained: record.answer.abstained,
    citations: record.answer.citations.map((c) => ({ n: c.n, text: c.text, passageId: c.passageId })),
    reporterId: report.userId,
    reason: report.reason,
    actions,
    decided: decision !== undefined,
  };
}

/** Post a report to the mod-log channel; false (logged) when that is not possible. */
async function postReport(ctx: BotContext, client: Client, reportId: number, channelId: string): Promise<boolean> {
  try {
    const report = ctx.store.moderation.report(reportId)!;
    const record = storedAnswer(ctx, report.answerId);
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not a channel the bot can send to');
    const sent = await channel.send(renderReport(reportView(ctx, report, record)));
    await ctx.store.save(() => ctx.store.moderation.setReportModLog(report.id, channelId, sent.id));
    return true;
  } catch (error) {
    ctx.log.warn('could not post a report to the mod-log channel', { report: reportId, channel: channelId, reason: (error as Error)?.message });
    return false;
  }
}

/** What posting the waiting reports of a server did: cards posted, and reports still without one. */
export interface WaitingReports {
  posted: number;
  waiting: number;
}

/**
 * Post the cards of a server's open reports that have none yet (no mod-log channel then, or the post
 * failed), oldest first, to its mod-log channel. One server at a time, so a report is never posted
 * twice; the first failure stops the round (the rest would fail alike) and they stay waiting for the
 * next report, `/config modlog` or start-up.
 */
export function postWaitingReports(ctx: BotContext, client: Client, guildId: string, channelId: string): Promise<WaitingReports> {
  return exclusive(ctx, `modlog:${guildId}`, async () => {
    const waiting = ctx.store.moderation
      .reports(guildId, { status: 'open', limit: 1000 })
      .filter((r) => !r.modLogMessageId && ctx.store.answers.get(r.answerId))
      .reverse();
    let posted = 0;
    for (const r of waiting) {
      // decided or given a card while this round waited its turn
      const now = ctx.store.moderation.report(r.id);
      if (!now || now.status !== 'open' || now.modLogMessageId) continue;
      if (!(await postReport(ctx, client, r.id, channelId))) break;
      posted++;
    }
    if (posted) ctx.log.info('posted waiting reports to the mod-log channel', { guild: guildId, channel: channelId, posted });
    return { posted, waiting: waiting.length - posted };
  });
}

/** Start-up: post the waiting reports of every server the bot is in that has a mod-log channel (failures are logged). */
export async function postAllWaitingReports(ctx: BotContext, client: Client): Promise<void> {
  for (const guildId of client.guilds.cache.keys()) {
    const channelId = ctx.store.settings.get(guildId).modLogChannelId;
    if (channelId) await postWaitingReports(ctx, client, guildId, channelId);
  }
}

/** Show the report's review state on its mod-log message (best effort). */
async function refreshReport(ctx: BotContext, client: Client, reportId: number, shown?: Message | null): Promise<void> {
  const report = ctx.store.moderation.report(reportId);
  const record = report && ctx.store.answers.get(report.answerId);
  if (!report || !record) return;
  try {
    let message = shown ?? undefined;
    if (!message && report.modLogChannelId && report.modLogMessageId) {
      const channel = await client.channels.fetch(report.modLogChannelId);
      if (channel?.isTextBased()) message = await channel.messages.fetch(report.modLogMessageId);
    }
    if (message) await message.edit(renderReport(reportView(ctx, report, record)));
  } catch (error) {
    ctx.log.warn('could not update a report in the mod-log channel', { report: reportId, reason: (error as Error)?.message });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reviewing

function reportInServer(ctx: BotContext, reportId: number, guildId: string): ReportReview {
  const report = ctx.store.moderation.report(reportId);
  if (!report || report.guildId !== guildId) throw new FootnoteError('NOT_FOUND', `Report #${reportId} is not a report of this server (it may have been deleted with the answer).`);
  return report;
}

function answerOfReport(ctx: BotContext, report: ReportReview): AnswerRecord {
  const record = ctx.store.answers.get(report.answerId);
  if (!record) throw new FootnoteError('NOT_FOUND', `The answer of report #${report.id} is no longer stored (deleted by the retention period or by its asker).`);
  return record;
}

const ACTION_OF: Record<ReportResolution, ModeratorActionKind> = { approved: 'approve', corrected: 'correct', hidden: 'hide' };

/**
 * The moderators' decision on a report's answer, as the report it was taken on (the one whose card
 * was pressed); undefined while the answer is undecided.
 */
function decisionOf(ctx: BotContext, report: ReportReview): ReportReview | undefined {
  const decided = ctx.store.feedback
    .reportsFor(report.answerId)
    .filter((r) => r.guildId === report.guildId && r.status !== 'open')
    .map((r) => ctx.store.moderation.report(r.id)!);
  const takenOn = (r: ReportReview) => ctx.store.moderation.reportActions(r.id).some((a) => a.action === ACTION_OF[r.resolution ?? 'approved']);
  return decided.find(takenOn) ?? decided.find((r) => r.id === report.id) ?? decided[0];
}

const DECIDED_WORDS: Record<ReportResolution, string> = { approved: 'approved', corrected: 'corrected', hidden: 'hidden' };

/** Why no decision can be taken on a report any more (its answer was decided: who decided what, when), if so. */
function alreadyDecided(ctx: BotContext, report: ReportReview): string | undefined {
  const decision = decisionOf(ctx, report);
  if (!decision) return undefined;
  const who = decision.reviewedByName ? escapeText(decision.reviewedByName) : decision.reviewedBy ? `<@${decision.reviewedBy}>` : 'a moderator';
  const when = decision.reviewedAt ? ` <t:${Math.floor(decision.reviewedAt / 1000)}:f>` : '';
  const where = decision.id === report.id ? `Report #${report.id} was already decided` : `The answer of report #${report.id} was already decided on report #${decision.id}`;
  return `${where}: ${DECIDED_WORDS[decision.resolution ?? 'approved']} by ${who}${when}. A decision is final, so nothing was changed.`;
}

function refuseIfDecided(ctx: BotContext, report: ReportReview): void {
  const refused = alreadyDecided(ctx, report);
  if (refused) throw new FootnoteError('BAD_ARGUMENT', refused);
}

/**
 * Inside a write: take the decision for the report's answer, closing every open report of it, or
 * refuse when it was already decided (checked again here, where no other decision can land between
 * the check and the write). Returns the reports closed.
 */
function decide(ctx: BotContext, report: ReportReview, resolution: ReportResolution, actor: Actor): number[] {
  refuseIfDecided(ctx, ctx.store.moderation.report(report.id)!);
  const open = ctx.store.feedback.reportsFor(report.answerId).filter((r) => r.guildId === report.guildId && r.status === 'open');
  for (const r of open) ctx.store.moderation.resolveReport(r.id, resolution, actor);
  return open.map((r) => r.id);
}

/** Show the decision on the cards of the reports it closed (the pressed card first). */
async function refreshReports(ctx: BotContext, client: Client, reportIds: number[], pressed: { reportId: number; message?: Message | null }): Promise<void> {
  for (const id of reportIds) await refreshReport(ctx, client, id, id === pressed.reportId ? pressed.message : undefined);
}

/** Approve, Correct or Hide on a report in the mod-log channel: moderators only, once per answer. */
export async function reviewReport(interaction: ButtonInteraction, ctx: BotContext, action: Extract<ButtonAction, { kind: 'review' }>): Promise<void> {
  const { guildId, actor } = requireModerator(interaction, ctx, REVIEWERS_ONLY);
  const report = reportInServer(ctx, action.reportId, guildId);
  const refused = alreadyDecided(ctx, report);
  if (refused) {
    await interaction.reply({ ...renderNotice(refused), flags: MessageFlags.Ephemeral });
    // a card still showing buttons (posted before the decision, or by an older version) loses them
    await refreshReport(ctx, interaction.client, report.id, interaction.message);
    return;
  }
  if (action.action === 'correct') {
    await interaction.showModal(correctionModal(report.id, answerOfReport(ctx, report)));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const record = answerOfReport(ctx, report);
  const pressed = { reportId: report.id, message: interaction.message };
  if (action.action === 'approve') {
    // an abstention has nothing to prefer later; approving it only closes the report
    const preferable = !record.answer.abstained && record.answer.citations.length > 0 && quotesHold(ctx.engine, record.answer.citations);
    const { reviewedId, closed } = await ctx.store.save(() => {
      const closed = decide(ctx, report, 'approved', actor);
      const reviewed = preferable
        ? ctx.store.moderation.addReviewed(
            { guildId, answerId: record.id, reportId: report.id, question: record.standalone, kind: 'approved', answerText: record.answer.answer, citations: record.answer.citations },
            actor,
          ).id
        : undefined;
      ctx.store.moderation.recordAction({ guildId, action: 'approve', answerId: record.id, reportId: report.id, targetUserId: record.userId, detail: reviewed ? { reviewedAnswerId: reviewed } : {} }, actor);
      return { reviewedId: reviewed, closed };
    });
    await refreshReports(ctx, interaction.client, closed, pressed);
    const marked = await markAnswer(ctx, interaction.client, record, reviewNote({ kind: 'approved', preferred: reviewedId !== undefined }));
    await interaction.editReply(
      renderNotice(
        `${
          reviewedId
            ? `Approved report #${report.id}: the answer is marked as reviewed by you, and the same question in this server will get it, shown as moderator-reviewed.`
            : `Approved report #${report.id}: the answer stands (it has no cited passages to offer for the question later).`
        }${marked ? ' The answer now says a moderator reviewed it.' : ''}`,
      ),
    );
    return;
  }
  // the decision is taken before any message is deleted, so that no other decision can follow a hidden answer
  const closed = await ctx.store.save(() => decide(ctx, report, 'hidden', actor));
  const { removed, gone, total, threadId } = await hideAnswer(ctx, interaction.client, record);
  const note = total
    ? `${removed} of ${plural(total, 'message')} removed${gone ? `, ${gone} already gone or private` : ''}`
    : 'no message to remove';
  await ctx.store.save(() => ctx.store.moderation.recordAction({ guildId, action: 'hide', answerId: record.id, reportId: report.id, targetUserId: record.userId, detail: { removed, gone, total, note } }, actor));
  await refreshReports(ctx, interaction.client, closed, pressed);
  const failed = total - removed - gone;
  await interaction.editReply(
    renderNotice(
      `Hid the answer of report #${report.id}: ${note}.${gone ? ' A private answer is seen only by its asker and cannot be removed by the bot.' : ''}${failed ? ' Some messages could not be removed (see the bot’s log).' : ''}${
        threadId ? ` The thread opened on it, <#${threadId}>, stays with its follow-ups (I don’t delete threads): delete it in Discord if it should go too.` : ''
      }`,
    ),
  );
}

/** What a reviewed answer's message says above it: a moderator looked, and for a correction, what it says now. */
export function reviewNote(review: { kind: 'approved'; preferred: boolean } | { kind: 'corrected'; text: string }): string {
  if (review.kind === 'approved') {
    return review.preferred
      ? '✅ **Reviewed by a moderator** — the answer below stands, and anyone who asks this again gets it, marked as reviewed.'
      : '✅ **Reviewed by a moderator** — the answer below stands.';
  }
  const lead = '✏️ **Corrected by a moderator** — the corrected answer, with its sources, is shown to anyone who asks this again:\n> ';
  // the [n] of the correction number its own sources, not the ones shown below; a long one is shown
  // cut at a word (asking again gives it whole), so the answer below never stands uncorrected
  const text = review.text.replace(/\s*\[\d+\]/g, '').replace(/\s+/g, ' ').trim();
  return `${lead}${escapedPrefix(text, LIMITS.content - lead.length).shown}`;
}

/**
 * Put a review note above an answer where it was posted (its first message; the embeds and buttons
 * stay). Best effort: a private answer, or one gone, cannot be edited; the moderator's decision
 * stands either way. True when the note is shown.
 */
async function markAnswer(ctx: BotContext, client: Client, record: AnswerRecord, note: string): Promise<boolean> {
  const [first] = ctx.store.moderation.answerMessages(record.id);
  const id = first ?? record.messageId;
  if (!id) return false;
  try {
    const channel = await client.channels.fetch(record.channelId);
    if (!channel?.isTextBased()) throw new Error('the answer’s channel is gone');
    await channel.messages.edit(id, { content: note, allowedMentions: NO_MENTIONS });
    return true;
  } catch (error) {
    ctx.log.warn('could not mark a reviewed answer', { answer: record.id, message: id, reason: (error as Error)?.message });
    return false;
  }
}

function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

/** Delete the bot's messages that show an answer; a thread opened on it (`threadId`) is left to the moderators. */
async function hideAnswer(ctx: BotContext, client: Client, record: AnswerRecord): Promise<{ removed: number; gone: number; total: number; threadId?: string }> {
  const ids = ctx.store.moderation.answerMessages(record.id);
  if (!ids.length && record.messageId) ids.push(record.messageId);
  const thread = ids[0] ? ctx.store.conversations.get(ids[0]) : undefined;
  const { removed, gone } = await deleteAnswerMessages(client, record.channelId, ids, (message, error) =>
    ctx.log.warn('could not remove an answer message', { answer: record.id, message, reason: (error as Error)?.message }),
  );
  return { removed, gone, total: ids.length, threadId: thread?.rootAnswerId === record.id ? thread.id : undefined };
}

/**
 * Delete messages of an answer from its channel. Discord answers "unknown message" for one already
 * deleted, and for a private (ephemeral) one: those are `gone`. Any other failure (the channel gone
 * too) is handed to `failed`, to log; the message is neither removed nor gone.
 */
export async function deleteAnswerMessages(client: Client, channelId: string, ids: readonly string[], failed: (messageId: string, error: unknown) => void): Promise<{ removed: number; gone: number }> {
  let removed = 0;
  let gone = 0;
  const channel = ids.length ? await client.channels.fetch(channelId).catch(() => null) : null;
  for (const id of ids) {
    try {
      if (!channel?.isTextBased()) throw new Error('the answer’s channel is gone');
      await channel.messages.delete(id);
      removed++;
    } catch (error) {
      if (isDiscordError(error, RESTJSONErrorCodes.UnknownMessage)) gone++;
      else failed(id, error);
    }
  }
  return { removed, gone };
}

function correctionModal(reportId: number, record: AnswerRecord): APIModalInteractionResponseCallbackData {
  const originals = [...new Set(record.answer.citations.map((c) => c.n))].map((n) => `[${n}]`).join(', ');
  return {
    custom_id: encodeModalId({ kind: 'correction', reportId }),
    title: `Correct the answer (report #${reportId})`.slice(0, 45),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'answer',
            label: 'Corrected answer; cite sources as [1], [2]',
            style: TextInputStyle.Paragraph,
            required: true,
            max_length: 4000,
            ...(record.answer.abstained ? {} : { value: record.answer.answer.slice(0, 4000) }),
          },
        ],
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'citations',
            label: 'Cited passages: ids, or [n] of the original',
            style: TextInputStyle.Short,
            required: true,
            max_length: 1000,
            placeholder: 'e.g. twisted-tehran-moscow-axis#p4, [2]',
            ...(originals ? { value: originals } : {}),
          },
        ],
      },
    ],
  };
}

/** A moderator's correction: checked against the corpus, stored as the reviewed answer, recorded. */
export async function submitCorrection(interaction: ModalSubmitInteraction, ctx: BotContext, reportId: number): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { guildId, actor } = requireModerator(interaction, ctx, REVIEWERS_ONLY);
  const report = reportInServer(ctx, reportId, guildId);
  // the form may have been opened before another moderator decided
  refuseIfDecided(ctx, report);
  const record = answerOfReport(ctx, report);
  const refs = parseCitationRefs(interaction.fields.getTextInputValue('citations'), {
    original: (n) => record.answer.citations.find((c) => c.n === n)?.passageId,
    passageExists: (id) => ctx.engine.passage(id) !== undefined,
  });
  if (!refs.ok) throw new FootnoteError('BAD_ARGUMENT', refs.reason);
  const text = checkCorrectedText(interaction.fields.getTextInputValue('answer'), refs.value.length);
  if (!text.ok) throw new FootnoteError('BAD_ARGUMENT', `The correction was not saved: ${lowerFirst(text.reason)}`);
  const citations = correctionCitations(ctx.engine, refs.value, record.answer, text.value);
  if (!quotesHold(ctx.engine, citations)) throw new FootnoteError('BAD_ARGUMENT', 'The correction was not saved: a cited quote is no longer in the corpus (it changed since the answer). Cite passages by their current ids.');
  const { reviewed, closed } = await ctx.store.save(() => {
    const closed = decide(ctx, report, 'corrected', actor);
    const added = ctx.store.moderation.addReviewed(
      { guildId, answerId: record.id, reportId: report.id, question: record.standalone, kind: 'corrected', answerText: text.value, citations },
      actor,
    );
    ctx.store.moderation.recordAction(
      { guildId, action: 'correct', answerId: record.id, reportId: report.id, targetUserId: record.userId, detail: { reviewedAnswerId: added.id, citations: citations.map((c) => c.passageId) } },
      actor,
    );
    return { reviewed: added, closed };
  });
  await refreshReports(ctx, interaction.client, closed, { reportId: report.id, message: interaction.message });
  const marked = await markAnswer(ctx, interaction.client, record, reviewNote({ kind: 'corrected', text: text.value }));
  const [preview] = renderAnswer({ id: `reviewed-${reviewed.id}`, answer: reviewedToAnswer(ctx.engine, reviewed, record.standalone), question: record.standalone });
  await interaction.editReply({
    ...preview!,
    content: `Saved. From now on this server gets this answer to the same question, marked as reviewed by you (report #${report.id})${marked ? '; the original answer now says it was corrected' : ''}:`,
    components: [],
  });
}
