import type { Answer } from '../answer/types.js';

/** An answer for a person at a terminal: the answer, then the numbered citations. */
export function formatAnswer(answer: Answer, options: { color?: boolean } = {}): string {
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [];
  if (answer.notice) lines.push(dim(`(${answer.notice})`));
  lines.push(answer.answer, '');
  if (answer.citations.length) {
    lines.push(bold('Sources'));
    for (const c of answer.citations) {
      lines.push(`[${c.n}] “${c.text}”`);
      lines.push(dim(`    — ${c.title}${c.section ? `, ${c.section}` : ''}${c.paragraph ? `, paragraph ${c.paragraph}` : ''} · ${c.passageId} (${c.file}:${c.start}-${c.end})`));
    }
  } else if (answer.abstained && answer.passages.length) {
    lines.push(bold('Nearest passages'));
    for (const p of answer.passages.slice(0, 3)) lines.push(`- ${p.id}${p.section ? ` (${p.section})` : ''}: ${p.text.slice(0, 160)}${p.text.length > 160 ? '…' : ''}`);
  }
  lines.push(dim(`${answer.mode} · ${answer.timings.totalMs} ms`));
  return lines.join('\n');
}
