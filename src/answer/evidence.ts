/** Recognisers for what a sentence must contain to answer each kind of question. */

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozen|dozens)';

export const HAS_DATE = new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}\\b|(?:in|since|by|until|of|the)\\s+(?:the\\s+)?(?:spring|summer|autumn|fall|winter|early|late)?\\s*(?:1[89]|20)\\d{2}\\b|(?:spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?(?:1[89]|20)\\d{2}|\\b(?:1[89]|20)\\d{2}\\b|\\b(?:yesterday|today|last (?:year|month|week)|next (?:year|month|week))\\b|\\bon ${MONTH}|\\b(?:Ashura|Ramadan|Christmas)\\b)`, 'i');

/** How often: "twice a day", "weekly", "every month". */
const FREQUENCY = '(?:once|twice|thrice|daily|weekly|monthly|yearly|annually|hourly|nightly|every (?:day|night|week|month|year|hour|morning|evening))';

/** (a sentence opening "One therefore expects ..." counts nothing: "one" is a pronoun there) */
export const HAS_QUANTITY = new RegExp(`\\b\\d[\\d,.]*\\b|(?<!^\\W*)\\b${NUMBER_WORD}\\b|^\\W*(?!one\\b)${NUMBER_WORD}\\b|\\b${FREQUENCY}\\b`, 'i');

/** Capitalised words not at the start of the sentence: names of people, groups, places. */
export const HAS_NAME = /(?<=[\s(“"‘'])(?:[A-Z][\p{L}'’-]+|[A-Z]{2,})/u;

export const HAS_CAUSE = /\b(?:because|since|as it|as they|so as|in order|to (?:avoid|minimi[sz]e|prevent|keep|save|reduce|legitimi[sz]e|extract|destroy|provide)|which (?:is|carry|carries)|motive|reason|risk|fear|due to|therefore|thus|keen to|essential|driven)\b/i;

export const HAS_PLACE = /\b(?:in|from|at|to|near|over|of)\s+(?:the\s+)?[A-Z][\p{L}'’-]+/u;
