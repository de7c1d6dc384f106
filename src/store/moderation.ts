/** Server settings, moderation actions, blocks and the audit record (repository interfaces). */

export type ReplyStyle = 'inline' | 'thread' | 'ephemeral';

/** A server's settings; every field has a default so a new server works at once. */
export interface GuildSettings {
  guildId: string;
  /** channels where plain messages are answered (needs the Message Content intent) */
  questionChannelIds: string[];
  replyStyle: ReplyStyle;
  /** empty: everyone may use the bot; otherwise members with one of these roles */
  allowedRoleIds: string[];
  /** roles whose members are moderators (besides members with Manage Server) */
  moderatorRoleIds: string[];
  /** seconds between one member's questions (0 = none) */
  memberCooldownSeconds: number;
  /** questions answered per minute in the server; excess questions wait in a queue (0 = no limit) */
  questionsPerMinute: number;
  modLogChannelId: string | null;
  /** answers written by the language model when one is configured */
  llmEnabled: boolean;
  /** channel id → the document ids it may draw on (absent: all documents) */
  channelDocuments: Record<string, string[]>;
  /** days questions, answers and votes are kept (0 = forever) */
  retentionDays: number;
  updatedAt: number;
  updatedBy: string | null;
}

export const DEFAULT_GUILD_SETTINGS: Omit<GuildSettings, 'guildId'> = {
  questionChannelIds: [],
  replyStyle: 'inline',
  allowedRoleIds: [],
  moderatorRoleIds: [],
  memberCooldownSeconds: 0,
  questionsPerMinute: 0,
  modLogChannelId: null,
  llmEnabled: true,
  channelDocuments: {},
  retentionDays: 0,
  updatedAt: 0,
  updatedBy: null,
};

export interface SettingsStore {
  /** the server's settings (the defaults when none were saved) */
  get(guildId: string): GuildSettings;
}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ModerationStore {}
