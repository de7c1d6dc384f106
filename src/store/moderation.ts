/** Server settings, moderation actions, blocks and the audit record (repository interfaces). */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SettingsStore {}

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ModerationStore {}
