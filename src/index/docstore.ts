import { Document } from '@langchain/core/documents';
import { readLines, writePieces } from './files.js';

/**
 * The vector store's documents in LangChain's `docstore.json` layout (a JSON array of
 * [label, document] pairs), one pair per line. The file is still one JSON value, but it is
 * written and read a line at a time: `HNSWLib.save` and `load` hold it in one string, which V8
 * caps at ~536M characters (~850k passages).
 */
export function writeDocstore(path: string, docs: Iterable<[string, Document]>): void {
  writePieces(path, docstoreLines(docs));
}

function* docstoreLines(docs: Iterable<[string, Document]>): Generator<string> {
  yield '[';
  let first = true;
  for (const entry of docs) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield '\n]\n';
}

export function readDocstore(path: string): Map<string, Document> {
  const docs = new Map<string, Document>();
  let state: 'start' | 'entries' | 'end' = 'start';
  for (const line of readLines(path)) {
    if (state === 'start') {
      if (line !== '[') throw new Error('the docstore does not start with [');
      state = 'entries';
    } else if (state === 'entries' && line === ']') state = 'end';
    else if (state === 'entries') {
      const [label, doc] = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as [string, Document];
      docs.set(label, new Document(doc));
    } else if (line !== '') throw new Error('the docstore has text after its end');
  }
  if (state !== 'end') throw new Error('the docstore is truncated');
  return docs;
}
