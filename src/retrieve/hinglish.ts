/**
 * Hindi written in Latin letters inside an English question, as many South Asian users type ("Russia ke liye apni public
 * kyu itna matter karti hai?", "ye article kab publish hua tha yaar?"): the Hindi words are read as the English they stand
 * for, the small words of grammar (postpositions, auxiliaries, fillers) as nothing, and the question word is put first,
 * where an English question has it. A general list of common Hindi words and their usual spellings, not drawn from any
 * corpus; only a message that reads as Hindi (two of its marker words at least) is rewritten, since some of these words
 * are English words too ("me", "log", "din").
 */

/** Words that mark a message as Hindi: grammar no English sentence uses. */
const MARKERS = new Set(
  `hai hain h tha thi ka ki ke ko se ne mein mai kya kyu kyun kyon kyo kaise kese kab kaun kon kaunsa kaunsi konsa konsi kitna kitne kitni
  kahan kaha kahaan nahi nahin nhi aur bhi yaar bhai wala wale wali raha rahi rahe rha rhi karta karti karte dono batao btao bata samjhao
  samjha hota hoti hote hua hui hue kisne kisko liye baare saath iska iski iske uska uski uske apna apni apne ye yeh woh wo kuch
  acha accha haan arre tu tum hoon hu ab chal hoga hogi honge chahiye chahta chahti chahte sakta sakti sakte tak jab agar lekin kyunki kyuki matlab`.split(/\s+/),
);

/** Question words, by the English word they ask with (those that ask of the noun after them stay by it: "kitne log", "kis desert"). */
const ASKING: Record<string, string> = {
  kya: 'what', kyu: 'why', kyun: 'why', kyon: 'why', kyo: 'why', kab: 'when', kaun: 'who', kon: 'who', kisne: 'who', kisko: 'whom',
  kaise: 'how', kese: 'how', kaisay: 'how', kaisa: 'what kind of', kaisi: 'what kind of', kitna: 'how much', kitne: 'how many', kitni: 'how many', kahan: 'where', kaha: 'where',
  kahaan: 'where', kis: 'which', kaunsa: 'which', kaunsi: 'which', konsa: 'which', konsi: 'which',
};

const IN_PLACE = new Set(['kitna', 'kitne', 'kitni', 'kis', 'kaunsa', 'kaunsi', 'konsa', 'konsi', 'kaisa', 'kaisi']);

/** Other words: the English they stand for, or '' for grammar that adds nothing to what is asked. */
const WORDS: Record<string, string> = {
  // postpositions, auxiliaries, pronouns, particles and fillers
  hai: '', hain: '', h: '', tha: 'was', thi: 'was', ho: '', hota: '', hoti: '', hote: '', hua: '', hui: '', hue: '', raha: '', rahi: '',
  rahe: '', rha: '', rhi: '', ka: '', ki: '', ke: '', ko: '', se: 'from', ne: '', pe: 'on', par: 'on', mein: 'in', me: 'in', mai: 'in',
  mei: 'in', aur: 'and', ya: 'or', bhi: 'also', na: '', naa: '', nahi: 'not', nahin: 'not', nhi: 'not', mat: 'not', ye: 'this',
  yeh: 'this', woh: 'that', wo: 'that', vo: 'that', iska: 'its', iski: 'its', iske: 'its', uska: 'its', uski: 'its', uske: 'its',
  unka: 'their', unki: 'their', unke: 'their', inka: 'their', inki: 'their', inke: 'their', apna: 'own', apni: 'own', apne: 'own',
  dono: 'both', sab: 'all', sabhi: 'all', kuch: 'some', bahut: 'very', bohot: 'very', itna: 'so', itni: 'so', itne: 'so', thoda: 'little',
  thodi: 'little', zyada: 'more', jyada: 'more', kam: 'less', sirf: 'only', bas: 'just', wala: '', wale: '', wali: '', liye: 'for',
  baare: 'about', saath: 'with', baad: 'after', pehle: 'before', tak: 'until', jab: 'when', agar: 'if', lekin: 'but', kyunki: 'because',
  kyuki: 'because', matlab: 'meaning', yaar: '', bhai: '', acha: '', accha: '', haan: '', arre: '', bhaiya: '', ji: '', hisaab: 'according',
  // verbs
  batao: 'explain', btao: 'explain', bata: 'explain', samjhao: 'explain', samjha: 'explain', karo: 'do', kar: 'do', kr: 'do', karna: 'do',
  karta: 'does', karti: 'does', karte: 'do', kiya: 'did', kiye: 'did', hona: 'be', hoga: 'will', hogi: 'will', honge: 'will',
  chahiye: 'need', chahta: 'wants', chahti: 'wants', chahte: 'want', sakta: 'can', sakti: 'can', sakte: 'can', diya: 'gave', di: 'gave',
  de: 'give', do: 'give', dena: 'give', liya: 'took', lena: 'take', gaya: 'went', gayi: 'went', gaye: 'went', aaya: 'came', aaye: 'came',
  mila: 'got', mili: 'got', mile: 'got', bolta: 'says', bolti: 'says', bola: 'said', kehta: 'says', kehti: 'says',
  chalega: 'last', chalta: 'goes', ladna: 'fight', lad: 'fight', ladte: 'fight', maare: 'killed', mara: 'killed', mare: 'died',
  bhejna: 'send', bheja: 'sent', bhejne: 'sending', jeetna: 'win', jeeta: 'won', haara: 'lost', darti: 'fears', darta: 'fears',
  darte: 'fear', bachna: 'avoid', bachte: 'avoid', bachti: 'avoids', chhodna: 'leave', chodna: 'leave', chodega: 'leave', chhodega: 'leave',
  hatana: 'remove', bachana: 'save', bachaya: 'saved', likha: 'written', likhi: 'written', chapa: 'published', chhapa: 'published',
  // nouns and adjectives
  desh: 'country', log: 'people', logon: 'people', logo: 'people', sarkar: 'government', fauj: 'army', sena: 'army', jawaan: 'soldiers',
  sainik: 'soldiers', jung: 'war', ladai: 'war', yudh: 'war', jeet: 'victory', haar: 'defeat', darr: 'fear', dar: 'fear', paisa: 'money',
  paise: 'money', taaqat: 'power', takat: 'power', shakti: 'power', bharosa: 'trust', vishwas: 'trust', dhoka: 'betrayal',
  dhokha: 'betrayal', dost: 'friend', dosti: 'friendship', dushman: 'enemy', madad: 'help', sahara: 'support', sahaara: 'support',
  samjhauta: 'agreement', soch: 'thinking', faisla: 'decision', khatam: 'end', shuru: 'start', waqt: 'time', samay: 'time', saal: 'years',
  saalo: 'years', din: 'day', zameen: 'ground', aasmaan: 'air', hawai: 'air', hamla: 'attack', hamle: 'attacks', maut: 'death',
  neta: 'leader', shahar: 'city', duniya: 'world', fayda: 'benefit', faayda: 'benefit', nuksaan: 'loss', nuksan: 'loss', khatra: 'risk',
  khatre: 'risk', mushkil: 'difficult', lamba: 'long', lambe: 'long', chhota: 'small', bada: 'big', badi: 'big', bade: 'big',
  naya: 'new', nayi: 'new', purana: 'old', asli: 'real', sach: 'truth', galat: 'wrong', sahi: 'right', kaam: 'work', jagah: 'place',
  baat: 'point', cheez: 'thing', sawaal: 'question', sawal: 'question', jawab: 'answer', lekhak: 'author', zikr: 'mention',
  kaale: 'black', kaala: 'black', kapde: 'clothes', kapdo: 'clothes', tyohaar: 'festival', kursi: 'position', hathiyar: 'weapons',
  pabandi: 'sanctions', pabandiyon: 'sanctions', ladaku: 'fighters', azaadi: 'independence', aazadi: 'independence', chaal: 'scheme',
  chaalbaazi: 'scheming', alag: 'different', farak: 'difference', fark: 'difference', ek: 'one', dusra: 'other', dusre: 'other',
  tu: 'you', tum: 'you', hoon: 'am', hu: 'am', ab: 'now', chal: '',
  likho: 'write', likh: 'write', likhna: 'write', likhte: 'write', likhta: 'write', likhti: 'write', likhe: 'written', bolo: 'say', bol: 'say', bolna: 'say', ban: 'become', bano: 'become', ja: '', jao: '',
  aakhir: 'end', akhir: 'end', khud: 'himself', naam: 'name', banata: 'makes', banati: 'makes', banaya: 'made',
};

const WORD = /(?<![\p{L}\p{N}'’])[\p{L}]+(?![\p{L}\p{N}'’])/gu;

/** The message with its Hindi words read in English, the first question word leading; unchanged when it does not read as Hindi. */
export function fromHinglish(text: string): string {
  const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase());
  if (new Set(words.filter((w) => MARKERS.has(w))).size < 2) return text;
  // (each sentence its own question: "... kya difference hai? ek ko kaisa conflict chahiye ...?")
  return text
    .split(/(?<=[?!.])\s+/)
    .map((sentence) => {
      let asked: string | undefined;
      const read = sentence.replace(WORD, (w, at: number) => {
        const lower = w.toLowerCase();
        // (a capitalised word is a name, or English: "Russia ke", "IS ka")
        if (/^\p{Lu}/u.test(w) && !MARKERS.has(lower) && !(lower in ASKING)) return w;
        if (lower in ASKING) {
          if (asked || IN_PLACE.has(lower)) return ASKING[lower];
          // ("kaun hai": who is; "kab tha": when was)
          const verb = /^\s+(hai|hain|h|tha|thi|the)\b/i.exec(sentence.slice(at + w.length))?.[1].toLowerCase();
          asked = verb ? `${ASKING[lower]} ${verb === 'hain' ? 'are' : /^th/.test(verb) ? 'was' : 'is'}` : ASKING[lower];
          return '';
        }
        return WORDS[lower] ?? w;
      });
      const tidy = read.replace(/[ \t]{2,}/g, ' ').replace(/\s+([?,.!])/g, '$1').trim();
      return asked ? `${asked} ${tidy}` : tidy;
    })
    .join(' ');
}
