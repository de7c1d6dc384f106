import type { ButtonInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';

/** Custom ids of the study tools (quizzes, study sessions) start with this; everything else is ./custom-id.ts. */
export const STUDY_PREFIX = 'fq:';

/** Buttons of quizzes and study sessions. */
export async function handleStudyButton(interaction: ButtonInteraction, _ctx: BotContext): Promise<void> {
  throw new FootnoteError('BAD_ARGUMENT', `That button (${interaction.customId.slice(0, 20)}) does nothing yet.`);
}
