import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Guild,
} from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { GuildSettings, ReplyStyle, SettingsChange } from '../../store/index.js';
import { parseDocumentList, SETTING_LIMITS, settingsProblems, withItem } from '../../study/moderation.js';
import type { BotContext } from '../context.js';
import { channelProblem, describeProblem, roleDeleted } from '../moderation/channels.js';
import { effectiveSettings } from '../moderation/gate.js';
import { interactionMember, requireModerator } from '../moderation/members.js';
import { optionId } from '../moderation/options.js';
import { postWaitingReports, type WaitingReports } from '../moderation/reports.js';
import { escapeText, renderNotice, renderSettings } from '../render.js';
import type { CommandHelp } from '../registry.js';
import { plural } from '../../ingest/text.js';

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
const { memberCooldownSeconds: COOLDOWN, questionsPerMinute: RATE, retentionDays: RETENTION } = SETTING_LIMITS;

export const data = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Footnote’s settings for this server (moderators)')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('show').setDescription('Show every setting'))
  .addSubcommand((s) =>
    s
      .setName('question-channel')
      .setDescription('Add or remove a channel where every message is a question')
      .addStringOption((o) => o.setName('action').setDescription('add or remove').setRequired(true).addChoices({ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }))
      .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true).addChannelTypes(...TEXT_CHANNELS)),
  )
  .addSubcommand((s) =>
    s
      .setName('reply-style')
      .setDescription('How answers are given')
      .addStringOption((o) =>
        o
          .setName('style')
          .setDescription('inline, thread, or ephemeral (only the asker sees /ask answers)')
          .setRequired(true)
          .addChoices({ name: 'inline', value: 'inline' }, { name: 'thread', value: 'thread' }, { name: 'ephemeral where possible', value: 'ephemeral' }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('allowed-role')
      .setDescription('Who may ask: everyone, or members with listed roles')
      .addStringOption((o) => o.setName('action').setDescription('add, remove, or clear (everyone may ask)').setRequired(true).addChoices({ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }, { name: 'clear', value: 'clear' }))
      .addRoleOption((o) => o.setName('role').setDescription('The role (not needed for clear)')),
  )
  .addSubcommand((s) =>
    s
      .setName('moderator-role')
      .setDescription('Roles whose members are moderators, besides Manage Server')
      .addStringOption((o) => o.setName('action').setDescription('add or remove').setRequired(true).addChoices({ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }))
      .addRoleOption((o) => o.setName('role').setDescription('The role').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('cooldown')
      .setDescription('Seconds a member waits between questions (0: none)')
      .addIntegerOption((o) => o.setName('seconds').setDescription('0 to turn it off').setRequired(true).setMinValue(COOLDOWN.min).setMaxValue(COOLDOWN.max)),
  )
  .addSubcommand((s) =>
    s
      .setName('rate')
      .setDescription('Questions answered per minute in the server; more wait in a queue (0: no limit)')
      .addIntegerOption((o) => o.setName('questions-per-minute').setDescription('0 for no limit').setRequired(true).setMinValue(RATE.min).setMaxValue(RATE.max)),
  )
  .addSubcommand((s) =>
    s
      .setName('modlog')
      .setDescription('Where reports and moderation notices go (leave out the channel to turn it off)')
      .addChannelOption((o) => o.setName('channel').setDescription('The mod-log channel').addChannelTypes(...TEXT_CHANNELS)),
  )
  .addSubcommand((s) =>
    s
      .setName('llm')
      .setDescription('Whether the language model writes answers here (when one is configured)')
      .addBooleanOption((o) => o.setName('enabled').setDescription('false: offline answers only').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('channel-documents')
      .setDescription('The documents a channel’s questions draw on')
      .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true).addChannelTypes(...TEXT_CHANNELS))
      .addStringOption((o) => o.setName('documents').setDescription('Document ids, comma-separated, or "all"').setRequired(true).setMaxLength(1000).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('retention')
      .setDescription('Days questions, answers and votes are kept (0: until deleted)')
      .addIntegerOption((o) => o.setName('days').setDescription('0 to keep them').setRequired(true).setMinValue(RETENTION.min).setMaxValue(RETENTION.max)),
  );

export const help: CommandHelp = { group: 'moderation' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { guildId, actor } = requireModerator(interaction, ctx, 'Only moderators can see or change Footnote’s settings: members with Manage Server, or with a moderator role set in /config. Nothing was changed.');
  const sub = interaction.options.getSubcommand();
  // Who is a moderator is the server managers' call: a moderator role must not hand moderation to other roles.
  if (sub === 'moderator-role' && !interactionMember(interaction).manageGuild) {
    throw new FootnoteError('BAD_ARGUMENT', 'Only members with Manage Server can choose the moderator roles: a moderator role cannot hand moderation to other roles, or take it away. Nothing was changed.');
  }
  if (sub === 'show') {
    await interaction.editReply(show(ctx, guildId, interaction.guild));
    return;
  }
  // The change is worked out from the settings as saved when it lands, so two changes that waited
  // for a busy database (e.g. two question channels added) both count.
  const documents = ctx.engine.about().documents.map((d) => d.id);
  const { change, said } = await ctx.store.save(() => {
    const wanted = changeFor(sub, interaction, ctx, ctx.store.settings.get(guildId));
    const problems = settingsProblems(wanted.change, documents);
    if (problems.length) throw new FootnoteError('BAD_ARGUMENT', `Nothing was changed: ${problems.join('; ')}.`);
    ctx.store.settings.update(guildId, wanted.change, actor);
    return wanted;
  });
  ctx.log.info('settings changed', { guild: guildId, user: actor.userId, settings: Object.keys(change).join(',') });
  // reports made while there was no mod-log channel (or it could not be posted to) get their cards now
  const modLog = sub === 'modlog' ? change.modLogChannelId : undefined;
  const waiting = modLog ? waitingSaid(await postWaitingReports(ctx, interaction.client, guildId, modLog)) : '';
  await interaction.editReply(renderNotice(`${said}${waiting}`));
}

function waitingSaid({ posted, waiting }: WaitingReports): string {
  const done = posted ? ` ${plural(posted, 'report')} waiting for review ${posted === 1 ? 'was' : 'were'} posted there.` : '';
  const left = waiting ? ` ${plural(waiting, 'report')} could not be posted there (I need View Channel, Send Messages and Embed Links); ${waiting === 1 ? 'it is' : 'they are'} kept for the next try and for /modlog export.` : '';
  return `${done}${left}`;
}

function show(ctx: BotContext, guildId: string, guild: Guild | null) {
  const about = ctx.engine.about();
  const settings = effectiveSettings(ctx, guildId);
  // configured channels and roles deleted since, and channels the bot cannot post in, are pointed out
  const problems: Record<string, string> = {};
  for (const id of [...settings.questionChannelIds, ...(settings.modLogChannelId ? [settings.modLogChannelId] : [])]) {
    const problem = channelProblem(guild, id);
    if (problem) problems[id] = describeProblem(problem);
  }
  for (const id of Object.keys(settings.channelDocuments)) if (channelProblem(guild, id)?.kind === 'deleted') problems[id] = 'deleted';
  for (const id of [...settings.allowedRoleIds, ...settings.moderatorRoleIds]) if (roleDeleted(guild, id)) problems[id] = 'deleted';
  return renderSettings({
    settings,
    problems,
    waitingReports: ctx.store.moderation.reports(guildId, { status: 'open', limit: 1000 }).filter((r) => !r.modLogMessageId).length,
    replyStyleDefault: ctx.store.settings.saved(guildId).replyStyle === undefined,
    envQuestionChannels: ctx.settings.questionChannels,
    messageContent: ctx.settings.messageContent,
    modelConfigured: ctx.engine.mode === 'llm',
    documents: about.documents.map((d) => ({ id: d.id, title: d.title })),
    blocked: ctx.store.moderation.blocks(guildId).length,
  });
}

/** The change a subcommand asks for, and the sentence confirming it. */
function changeFor(sub: string, interaction: ChatInputCommandInteraction, ctx: BotContext, s: GuildSettings): { change: SettingsChange; said: string } {
  const action = interaction.options.getString('action');
  const required = (name: string, what: string) => {
    const id = optionId(interaction, name);
    if (!id) throw new FootnoteError('BAD_ARGUMENT', `Choose ${what}.`);
    return id;
  };
  switch (sub) {
    case 'question-channel': {
      const channel = required('channel', 'a channel');
      const add = action === 'add';
      const was = s.questionChannelIds.includes(channel);
      const intent = add && !ctx.settings.messageContent ? ' Note: the Message Content intent is off (FOOTNOTE_MESSAGE_CONTENT), so there I can only read messages that mention me.' : '';
      const problem = add ? channelProblem(interaction.guild, channel) : undefined;
      const cannot = problem?.kind === 'missing' ? ` Note: I can’t answer there yet: I am missing ${problem.permissions.join(', ')} in <#${channel}>. Give me View Channel, Send Messages and Embed Links in the channel’s permissions.` : '';
      const byOperator = !add && ctx.settings.questionChannels.includes(channel) ? ' It stays one: the bot’s operator set it (FOOTNOTE_QUESTION_CHANNELS), which /config cannot change.' : '';
      const said = add
        ? was
          ? `Every message in <#${channel}> is already a question; nothing changed.`
          : `Every message in <#${channel}> is now a question.`
        : was
          ? `<#${channel}> is no longer a question channel.`
          : `<#${channel}> was not a question channel; nothing changed.`;
      return { change: { questionChannelIds: withItem(s.questionChannelIds, channel, add) }, said: `${said}${byOperator}${cannot}${intent}` };
    }
    case 'reply-style': {
      const style = interaction.options.getString('style', true) as ReplyStyle;
      const said = { inline: 'Answers are now replies under the question.', thread: 'Answers now open a thread for follow-up questions.', ephemeral: '/ask answers are now seen only by the asker; answers to messages stay replies (Discord has no private replies to messages).' };
      const intent = style === 'thread' && !ctx.settings.messageContent ? ' Note: the Message Content intent is off (FOOTNOTE_MESSAGE_CONTENT), so I only see follow-ups in those threads that mention me.' : '';
      return { change: { replyStyle: style }, said: `${said[style]}${intent}` };
    }
    case 'allowed-role': {
      if (action === 'clear') return { change: { allowedRoleIds: [] }, said: 'Everyone may ask Footnote again.' };
      const role = required('role', 'a role');
      if (action === 'add' && isEveryone(role, s.guildId)) {
        throw new FootnoteError(
          'BAD_ARGUMENT',
          s.allowedRoleIds.length
            ? 'Nothing was changed: @everyone is every member. To let everyone ask again, use `/config allowed-role action:clear`.'
            : 'Nothing was changed: everyone may already ask Footnote here (no allowed roles are set).',
        );
      }
      const next = withItem(s.allowedRoleIds, role, action === 'add');
      const unchanged = action === 'remove' && !s.allowedRoleIds.includes(role) ? `<@&${role}> was not an allowed role; nothing changed. ` : '';
      return { change: { allowedRoleIds: next }, said: `${unchanged}${next.length ? `Members with ${next.map((r) => `<@&${r}>`).join(', ')} (and moderators) may ask Footnote.` : 'Everyone may ask Footnote.'}` };
    }
    case 'moderator-role': {
      const role = required('role', 'a role');
      const add = action === 'add';
      if (add && isEveryone(role, s.guildId)) {
        throw new FootnoteError('BAD_ARGUMENT', 'Nothing was changed: @everyone is every member of the server, so it would make everyone a moderator. Choose a role only moderators have.');
      }
      const was = s.moderatorRoleIds.includes(role);
      const said = add
        ? was
          ? `Members with <@&${role}> are already Footnote moderators; nothing changed.`
          : `Members with <@&${role}> are now Footnote moderators.`
        : was
          ? `<@&${role}> no longer makes its members moderators (Manage Server still does).`
          : `<@&${role}> was not a moderator role; nothing changed.`;
      return { change: { moderatorRoleIds: withItem(s.moderatorRoleIds, role, add) }, said };
    }
    case 'cooldown': {
      const seconds = interaction.options.getInteger('seconds', true);
      return { change: { memberCooldownSeconds: seconds }, said: seconds ? `Each member may now ask once every ${plural(seconds, 'second')}.` : 'Members may ask without waiting.' };
    }
    case 'rate': {
      const n = interaction.options.getInteger('questions-per-minute', true);
      return { change: { questionsPerMinute: n }, said: n ? `At most ${plural(n, 'question')} a minute ${n === 1 ? 'is' : 'are'} answered here; more wait in a queue and are told their place.` : 'Questions are answered without a per-minute limit.' };
    }
    case 'modlog': {
      const channel = optionId(interaction, 'channel') ?? null;
      if (channel) {
        const known = interaction.guild?.channels.cache.get(channel);
        if (known && !known.isSendable()) throw new FootnoteError('BAD_ARGUMENT', `Nothing was changed: I cannot post in <#${channel}>.`);
        // Review cards posted where the bot cannot see or post would be lost without anyone noticing.
        const problem = channelProblem(interaction.guild, channel);
        if (problem?.kind === 'missing') {
          throw new FootnoteError('BAD_ARGUMENT', `Nothing was changed: I need View Channel, Send Messages and Embed Links in <#${channel}> to post review cards there, and I am missing ${problem.permissions.join(', ')}. Give me those in the channel’s permissions, then set it again.`);
        }
      }
      return { change: { modLogChannelId: channel }, said: channel ? `Reports and moderation notices now go to <#${channel}>.` : 'There is no mod-log channel now; reports are kept for /modlog export.' };
    }
    case 'llm': {
      const on = interaction.options.getBoolean('enabled', true);
      const model = ctx.engine.mode === 'llm' ? '' : ' (No language model is configured for the bot, so answers are offline either way.)';
      return { change: { llmEnabled: on }, said: `${on ? 'The language model writes answers here, still cited and checked.' : 'Answers here are offline: sentences quoted from the corpus.'}${model}` };
    }
    case 'channel-documents': {
      const channel = required('channel', 'a channel');
      const docs = parseDocumentList(interaction.options.getString('documents', true));
      const next = { ...s.channelDocuments };
      if (docs === 'all') delete next[channel];
      else next[channel] = docs;
      return { change: { channelDocuments: next }, said: docs === 'all' ? `Questions in <#${channel}> draw on all documents.` : `Questions in <#${channel}> draw only on: ${docs.map((d) => escapeText(d)).join(', ')}.` };
    }
    case 'retention': {
      const days = interaction.options.getInteger('days', true);
      return { change: { retentionDays: days }, said: days ? `Questions, answers and votes older than ${plural(days, 'day')} are deleted (checked at start-up and hourly).` : 'Questions, answers and votes are kept until deleted.' };
    }
    default:
      throw new FootnoteError('NOT_FOUND', `/config has no ${sub} setting.`);
  }
}

/** The @everyone role has the server's id: every member has it. */
function isEveryone(roleId: string, guildId: string): boolean {
  return roleId === guildId;
}

/** Document ids for channel-documents: the last comma-separated item completes, the ones before stay. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'documents') {
    await interaction.respond([]);
    return;
  }
  const typed = String(focused.value);
  const cut = typed.lastIndexOf(',');
  const before = cut >= 0 ? `${typed.slice(0, cut + 1).trim()} ` : '';
  const partial = typed.slice(cut + 1).trim().toLowerCase();
  const chosen = new Set(before.split(/[\s,]+/).filter(Boolean));
  const choices = [];
  if (!before && 'all'.startsWith(partial)) choices.push({ name: 'all — every document', value: 'all' });
  for (const d of ctx.engine.about().documents) {
    if (chosen.has(d.id)) continue;
    if (partial && !d.id.toLowerCase().includes(partial) && !d.title.toLowerCase().includes(partial)) continue;
    const value = `${before}${d.id}`;
    if (value.length > 100) continue;
    choices.push({ name: `${value} — ${d.title}`.slice(0, 100), value });
    if (choices.length === 25) break;
  }
  await interaction.respond(choices);
}
