import type Database from 'better-sqlite3';
import type { ModerationStore, SettingsStore } from './moderation.js';

export class SqliteSettings implements SettingsStore {
  constructor(private readonly db: Database.Database) {}
}

export class SqliteModeration implements ModerationStore {
  constructor(private readonly db: Database.Database) {}
}
