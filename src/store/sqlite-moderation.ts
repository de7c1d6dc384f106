import type Database from 'better-sqlite3';
import { DEFAULT_GUILD_SETTINGS, type GuildSettings, type ModerationStore, type SettingsStore } from './moderation.js';

export class SqliteSettings implements SettingsStore {
  constructor(private readonly db: Database.Database) {}

  get(guildId: string): GuildSettings {
    return { guildId, ...DEFAULT_GUILD_SETTINGS };
  }
}

export class SqliteModeration implements ModerationStore {
  constructor(private readonly db: Database.Database) {}
}
