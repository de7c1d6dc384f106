/** Modal submissions: a report's reason, a moderator's correction. Everything needed is in the custom id and the store. */
import type { ModalSubmitInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { decodeModalId } from '../custom-id.js';
import { submitCorrection, submitReport } from './reports.js';

export async function handleModal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  const action = decodeModalId(interaction.customId);
  if (!action) throw new FootnoteError('BAD_ARGUMENT', 'That form is from an older version of Footnote and no longer does anything.');
  switch (action.kind) {
    case 'report-reason':
      return submitReport(interaction, ctx, action.answerId);
    case 'correction':
      return submitCorrection(interaction, ctx, action.reportId);
  }
}
