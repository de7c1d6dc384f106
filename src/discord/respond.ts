import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Message, type RepliableInteraction } from 'discord.js';
import { isFootnoteError } from '../errors.js';
import type { Logger, LogFields } from './log.js';
import { newErrorId } from './log.js';
import { renderNotice, type OutgoingMessage } from './render.js';

/**
 * Send a message for an interaction however it stands: a reply when nothing was sent yet, an edit of
 * the deferred reply (which keeps the deferral's visibility), else a follow-up. Never a second reply,
 * and never an edit of the message a deferred button press is on. Resolves with the message when
 * Discord returned one (edits and follow-ups).
 */
export async function respond(interaction: RepliableInteraction, payload: OutgoingMessage, options: { ephemeral?: boolean } = {}): Promise<Message | undefined> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...payload, flags });
    return undefined;
  }
  // discord.js sets `ephemeral` on a deferred reply, not on a deferred update (whose "reply" is the button's own message)
  const deferredReply = interaction.deferred && interaction.ephemeral !== null;
  if (deferredReply && !interaction.replied) return interaction.editReply(payload);
  return interaction.followUp({ ...payload, flags });
}

/** The sentence a user sees for an error: their own mistake explained, or a generic line with an id for the log. */
export function describeError(error: unknown, log: Logger, context: LogFields): string {
  if (isFootnoteError(error)) return error.message;
  const errorId = newErrorId();
  log.error('unexpected error', error, { ...context, errorId });
  return `Something went wrong on my side, sorry. If it keeps happening, tell the server's admins (error id ${errorId}).`;
}

/**
 * Tell the user an interaction failed (ephemerally where Discord allows), logging unexpected errors
 * with an id. Never throws: a failure to report is logged and the process carries on.
 */
export async function replyWithError(interaction: RepliableInteraction, error: unknown, log: Logger, context: LogFields = {}): Promise<void> {
  const fields = { ...context, interaction: interaction.id, user: interaction.user.id, channel: interaction.channelId ?? undefined };
  if (isExpired(error)) {
    log.warn('interaction expired before it was answered', fields);
    return;
  }
  const text = describeError(error, log, fields);
  try {
    await respond(interaction, renderNotice(text), { ephemeral: true });
  } catch (sendError) {
    log.warn('could not tell the user about an error', { ...fields, reason: (sendError as Error)?.message });
  }
}

/** Discord no longer knows the interaction (acknowledged too late, or already acknowledged). */
export function isExpired(error: unknown): boolean {
  return isDiscordError(error, RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged);
}

/** Discord refused a request with one of these JSON error codes (e.g. Unknown Message: deleted, or private to someone). */
export function isDiscordError(error: unknown, ...codes: RESTJSONErrorCodes[]): boolean {
  return error instanceof DiscordAPIError && (codes as (number | string)[]).includes(error.code);
}
