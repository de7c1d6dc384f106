import type { Migration } from '../migrations.js';

/** Server settings, moderation and the audit record: versions 2–49. */
export const MODERATION_MIGRATIONS: Migration[] = [];
