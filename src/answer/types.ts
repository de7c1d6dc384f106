/** A passage an answer refers to, with the exact words it quotes. */
export interface Citation {
  n: number;
  docId: string;
  title: string;
  /** file the quote is a slice of, relative to the corpus folder */
  file: string;
  passageId: string;
  section: string;
  paragraph: number;
  /** exactly `source.slice(start, end)` of `file` */
  text: string;
  start: number;
  end: number;
  score: number;
}

/** A ranked passage as shown with an answer. */
export interface PassageOut {
  rank: number;
  id: string;
  docId: string;
  title: string;
  section: string;
  paragraph: number;
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface Answer {
  question: string;
  answer: string;
  abstained: boolean;
  mode: 'extractive' | 'llm';
  citations: Citation[];
  passages: PassageOut[];
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
  /** said to the user beside the answer, e.g. that the model failed and the offline answer stands in */
  notice?: string;
}
