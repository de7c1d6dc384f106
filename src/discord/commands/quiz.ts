import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import { generateQuiz } from '../../study/quiz.js';
import { resolveSection } from '../../study/session.js';
import type { BotContext } from '../context.js';
import { renderNotice } from '../render.js';
import { allowedMember, channelDocuments, memberName, requireGuild } from '../study/members.js';
import { draftRound } from '../study/questions.js';
import { renderQuizIntro } from '../study/render.js';
import { attachStudy } from '../study/resume.js';
import { documentsShown, drive, exclusive, studyRuntime } from '../study/runner.js';
import { autocompleteSection, sectionNotFound } from '../study/sections.js';
import type { CommandHelp } from '../registry.js';

/** Questions come one at a time in a channel, so a round stays short. */
export const MAX_ROUND_QUESTIONS = 20;
export const DEFAULT_ROUND_QUESTIONS = 5;

export const data = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('A quiz on the documents: answer buttons, each answer revealed with the passage that proves it')
  .setContexts(InteractionContextType.Guild)
  .addIntegerOption((o) => o.setName('count').setDescription(`How many questions (default ${DEFAULT_ROUND_QUESTIONS})`).setMinValue(1).setMaxValue(MAX_ROUND_QUESTIONS))
  .addStringOption((o) => o.setName('section').setDescription('Only questions from this section').setMaxLength(200).setAutocomplete(true))
  .addIntegerOption((o) => o.setName('seconds').setDescription('How long each question stays open (default 30)').setMinValue(10).setMaxValue(600));

export const help: CommandHelp = { group: 'study' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireGuild(interaction);
  attachStudy(ctx, interaction.client);
  const { settings } = allowedMember(interaction, ctx, guildId);
  const rt = studyRuntime(ctx);
  const count = interaction.options.getInteger('count') ?? DEFAULT_ROUND_QUESTIONS;
  const typed = interaction.options.getString('section');
  const section = resolveSection(ctx.quizBank, typed);
  if (section === null) throw sectionNotFound(ctx, typed ?? '');
  const seconds = interaction.options.getInteger('seconds');
  const timeLimitMs = seconds ? seconds * 1000 : rt.options.questionMs;
  const store = ctx.store.study;
  // A study session's thread belongs to its steps: a quiz there would interleave with them.
  const session = store.sessionInThread(interaction.channelId);
  if (session?.status === 'running') {
    throw new FootnoteError('BAD_ARGUMENT', `A study session runs in this thread, so a quiz here would mix with its steps. Start the quiz in <#${session.channelId}>, or end the session first (\`/study end\`).`);
  }
  const busy = store.runningQuizIn(interaction.channelId);
  if (busy) throw new FootnoteError('BAD_ARGUMENT', 'A quiz is already running in this channel. Join in, or start yours when it is over (or in another channel).');
  // The offline questions first: a section with nothing to ask is said privately, before anything public appears.
  const seed = rt.options.seed();
  // a channel limited to some documents (/config channel-documents) is quizzed on those only
  const docIds = channelDocuments(interaction, settings);
  const offline = generateQuiz(ctx.quizBank, { count, seed, section, docIds });
  if (!offline.questions.length) throw new FootnoteError('NOT_FOUND', offline.shortfall?.message ?? 'No quiz question could be built.');

  await interaction.deferReply();
  const useModel = Boolean(ctx.engine.llm && ctx.config.llm && settings.llmEnabled);
  const drafted = await draftRound(ctx, { offline, count, section, docIds, seed, useModel });
  const round = await exclusive(ctx, `channel:${interaction.channelId}`, () =>
    ctx.store.save(() => {
      if (store.runningQuizIn(interaction.channelId)) return undefined;
      return store.createRound({ guildId, channelId: interaction.channelId, startedBy: interaction.user.id, kind: 'quiz', section: section ?? null, source: drafted.source, timeLimitMs, questions: drafted.questions });
    }),
  );
  if (!round) {
    await interaction.editReply(renderNotice('Another quiz started in this channel a moment ago: join that one.'));
    return;
  }
  const intro = await interaction.editReply(
    renderQuizIntro({ count: drafted.questions.length, requested: count, section: round.section, documents: documentsShown(ctx, drafted.questions.map((q) => q.evidence.docId)), timeLimitMs, startedBy: memberName(interaction), shortfall: offline.shortfall?.message, source: drafted.source }),
  );
  // it names who started the quiz: /forget-me takes the name off
  await ctx.store.save(() => store.markIntroPosted(round.id, intro.id));
  await drive(ctx, round.id);
  if (!store.question(round.id, 0)?.messageId && store.getRound(round.id)?.status === 'finished') {
    await interaction.editReply(renderNotice('I could not post the questions in this channel, so the quiz was called off. I need Send Messages and Embed Links here.'));
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await autocompleteSection(interaction, ctx);
}
