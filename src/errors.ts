/**
 * Two kinds of error: a FootnoteError is expected (bad input, missing corpus,
 * misconfiguration) and carries a stable code and a sentence for the user;
 * anything else is a bug, logged with context and shown as a generic message.
 */
export class FootnoteError extends Error {
  constructor(
    readonly code: FootnoteErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FootnoteError';
  }
}

export type FootnoteErrorCode =
  | 'EMPTY_QUESTION'
  | 'QUESTION_TOO_LONG'
  | 'CORPUS_MISSING'
  | 'CORPUS_EMPTY'
  | 'CONFIG_INVALID'
  | 'INDEX_FAILED'
  | 'NOT_FOUND'
  | 'BAD_ARGUMENT'
  | 'LLM_FAILED'
  | 'STORE_BUSY';

export function isFootnoteError(error: unknown): error is FootnoteError {
  return error instanceof FootnoteError;
}
