import type { Migration } from '../migrations.js';

/** Server settings, moderation and the audit record: versions 2–44 (45–49 went to core, see ../migrations.ts). */
export const MODERATION_MIGRATIONS: Migration[] = [
  {
    version: 2,
    name: 'server settings, settings changes, report reviews, moderator actions, reviewed answers, blocks, refused questions',
    sql: `
      CREATE TABLE guild_settings (
        guild_id      TEXT PRIMARY KEY,
        settings_json TEXT NOT NULL,
        updated_at    INTEGER NOT NULL,
        updated_by    TEXT
      );

      CREATE TABLE settings_changes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id   TEXT NOT NULL,
        setting    TEXT NOT NULL,
        old_json   TEXT,
        new_json   TEXT,
        user_id    TEXT NOT NULL,
        user_name  TEXT,
        channel_id TEXT,
        at         INTEGER NOT NULL
      );
      CREATE INDEX settings_changes_guild ON settings_changes (guild_id, at);

      ALTER TABLE reports ADD COLUMN resolution TEXT;
      ALTER TABLE reports ADD COLUMN reviewed_by TEXT;
      ALTER TABLE reports ADD COLUMN reviewed_by_name TEXT;
      ALTER TABLE reports ADD COLUMN reviewed_at INTEGER;
      ALTER TABLE reports ADD COLUMN modlog_channel_id TEXT;
      ALTER TABLE reports ADD COLUMN modlog_message_id TEXT;
      CREATE INDEX reports_guild ON reports (guild_id, created_at);
      CREATE INDEX reports_user ON reports (user_id);

      CREATE TABLE moderator_actions (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id       TEXT NOT NULL,
        channel_id     TEXT,
        user_id        TEXT NOT NULL,
        user_name      TEXT,
        action         TEXT NOT NULL,
        target_user_id TEXT,
        answer_id      TEXT,
        report_id      INTEGER,
        detail_json    TEXT,
        at             INTEGER NOT NULL
      );
      CREATE INDEX moderator_actions_guild ON moderator_actions (guild_id, at);
      CREATE INDEX moderator_actions_report ON moderator_actions (report_id);

      CREATE TABLE reviewed_answers (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id       TEXT NOT NULL,
        answer_id      TEXT,
        report_id      INTEGER,
        question       TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('approved', 'corrected')),
        answer_text    TEXT NOT NULL,
        citations_json TEXT NOT NULL,
        moderator_id   TEXT NOT NULL,
        moderator_name TEXT NOT NULL,
        created_at     INTEGER NOT NULL
      );
      CREATE INDEX reviewed_answers_guild ON reviewed_answers (guild_id, created_at);

      CREATE TABLE blocks (
        guild_id        TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        reason          TEXT,
        blocked_by      TEXT NOT NULL,
        blocked_by_name TEXT,
        blocked_at      INTEGER NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );

      CREATE TABLE refused_questions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id   TEXT,
        channel_id TEXT,
        user_id    TEXT NOT NULL,
        via        TEXT NOT NULL,
        question   TEXT NOT NULL,
        reason     TEXT NOT NULL,
        at         INTEGER NOT NULL
      );
      CREATE INDEX refused_questions_guild ON refused_questions (guild_id, at);
      CREATE INDEX refused_questions_user ON refused_questions (user_id);

      CREATE INDEX answers_guild_created ON answers (guild_id, created_at);
      CREATE INDEX answers_guild_user ON answers (guild_id, user_id);
      CREATE INDEX votes_user ON votes (user_id);
    `,
  },
];
