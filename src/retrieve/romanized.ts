/**
 * Hindi, Persian, Tagalog and Egyptian Arabic written in Latin letters inside an English question, as many South Asian, Iranian, Filipino and Egyptian users type
 * ("Russia ke liye apni public kyu itna matter karti hai?", "ye article kab publish hua tha yaar?"; Finglish: "chera Rusiye
 * inghadr az Assad hemayat mikone?", "Sepah chi kar mikone tu Suriye?"; Taglish: "bakit ba ayaw ng Iran na matapos yung war?";
 * Arabizi: "leh el rous 3ayzeen Assad yefdal?"): the words of the language are read as the English they
 * stand for, the small words of grammar (postpositions, auxiliaries, fillers) as nothing, and the question word is put first,
 * where an English question has it. A general list per language of common words and their usual spellings, not drawn from any
 * corpus; only a message that reads as the language (two of its marker words at least, more than of any other's) is rewritten,
 * since some of these words are English words too ("me", "log", "din").
 */

/** A language's words: its markers, its question words (by the English word they ask with) and the rest. */
interface Romanized {
  /** Words that mark a message as the language: grammar no English sentence uses. */
  markers: Set<string>;
  asking: Record<string, string>;
  /** Question words that ask of the noun after them and stay by it ("kitne log", how many people). */
  inPlace: Set<string>;
  words: Record<string, string>;
  /** "kaun hai", "chi bood": a verb after the question word goes with it ("who is", "what was"), by the English it stands for. */
  verbsAfter: Record<string, string>;
  /** A question word put first with no verb after it, as English asks it ("chi": "what do", not "what Sepah role ..."). */
  fronted?: Record<string, string>;
  /** Words read so only before a word of the language's own, being English words too ("in maghale": this article; "in Syria" stays). */
  beforeOwn?: Record<string, string>;
  /** Words that mark the language by their spelling, whatever they are ("wa7ed", "3ayez": digits among letters). */
  marked?: RegExp;
}

/** Words that mark a message as Hindi: grammar no English sentence uses. */
const HINDI_MARKERS = new Set(
  `hai hain h tha thi ka ki ke ko se ne mein mai kya kyu kyun kyon kyo kaise kese kab kaun kon kaunsa kaunsi konsa konsi kitna kitne kitni
  kahan kaha kahaan nahi nahin nhi aur bhi yaar bhai wala wale wali raha rahi rahe rha rhi karta karti karte dono batao btao bata samjhao
  samjha hota hoti hote hua hui hue kisne kisko liye baare saath iska iski iske uska uski uske apna apni apne ye yeh woh wo kuch
  acha accha haan arre tu tum hoon hu ab chal hoga hogi honge chahiye chahta chahti chahte sakta sakti sakte tak jab agar lekin kyunki kyuki matlab`.split(/\s+/),
);

/** Question words, by the English word they ask with (those that ask of the noun after them stay by it: "kitne log", "kis desert"). */
const HINDI_ASKING: Record<string, string> = {
  kya: 'what', kyu: 'why', kyun: 'why', kyon: 'why', kyo: 'why', kab: 'when', kaun: 'who', kon: 'who', kisne: 'who', kisko: 'whom',
  kaise: 'how', kese: 'how', kaisay: 'how', kaisa: 'what kind of', kaisi: 'what kind of', kitna: 'how much', kitne: 'how many', kitni: 'how many', kahan: 'where', kaha: 'where',
  kahaan: 'where', kis: 'which', kaunsa: 'which', kaunsi: 'which', konsa: 'which', konsi: 'which',
};

const HINDI_IN_PLACE = new Set(['kitna', 'kitne', 'kitni', 'kis', 'kaunsa', 'kaunsi', 'konsa', 'konsi', 'kaisa', 'kaisi']);

/** Other words: the English they stand for, or '' for grammar that adds nothing to what is asked. */
const HINDI_WORDS: Record<string, string> = {
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

const HINDI: Romanized = { markers: HINDI_MARKERS, asking: HINDI_ASKING, inPlace: HINDI_IN_PLACE, words: HINDI_WORDS, verbsAfter: { hai: 'is', hain: 'are', h: 'is', tha: 'was', thi: 'was', the: 'was' } };

/** Words that mark a message as Persian (Finglish): grammar and verbs no English sentence uses. */
const PERSIAN_MARKERS = new Set(
  `ke va ba az ro ra chera chi chiye chie ki kie kiye koja kojast chand chanta chetor chejoori chegoone kodoom kodum aya hast hastan ast bood
  budan mikone mikonan mikonand kard kardan karde mikhad mikhan mikhand nemikhad nemikhan daran dare dasht chon chun vali amma agar yani dige
  khob khb mishe nist nistan shod shode bayad mitoone mitoonan tu hamin oon inja unja hame chizi kei ha haye
  kon konid benevis benevisid begoo bego begu begid lotfan faghat javab javabet dastoor dastoorat dasturat dastooret dastoorato
  che chia mored kone bashe beshe mide midan mikham nakhad nemikhad midoonan midoone roo`.split(/\s+/),
);

const PERSIAN_ASKING: Record<string, string> = {
  chera: 'why', chi: 'what', chiye: 'what is', chie: 'what is', ki: 'who', kie: 'who is', kiye: 'who is', koja: 'where', kojast: 'where is',
  che: 'what', chia: 'what are', chand: 'how many', chanta: 'how many', chetor: 'how', chejoori: 'how', chegoone: 'how', kodoom: 'which', kodum: 'which', kei: 'when',
};

const PERSIAN_IN_PLACE = new Set(['chand', 'chanta', 'kodoom', 'kodum']);

const PERSIAN_WORDS: Record<string, string> = {
  // grammar: particles, postpositions, auxiliaries, pronouns, fillers
  ke: '', va: 'and', ba: 'with', az: '', ro: '', ra: '', tu: 'in', dar: 'in', aya: '', hast: '', hastan: '', ast: '',
  bood: 'was', budan: 'were', oon: 'that', un: 'that', ina: 'these', una: 'those', hamin: 'this', ye: 'a',
  chon: 'because', chun: 'because', vali: 'but', amma: 'but', agar: 'if', yani: 'meaning', dige: '', khob: '', khb: '', merci: '', mersi: '',
  lotfan: 'please', na: 'not', ya: 'or', nist: 'not', nistan: 'not', shod: 'was', shode: 'been', vaghei: 'real', vagheei: 'real', mishe: 'can', bayad: 'must',
  mitoone: 'can', mitoonan: 'can', inja: 'here', unja: 'there', hame: 'all', chizi: 'something', sare: 'over', baraye: 'for', bara: 'for',
  khodesh: 'itself', khodeshoon: 'themselves', beyne: 'between', bein: 'between', ghabl: 'before', baad: 'after', hanuz: 'still', hanooz: 'still',
  // verbs
  mikone: 'does', mikonan: 'do', mikonand: 'do', kard: 'did', kardan: 'did', karde: 'did', mikhad: 'wants', mikhan: 'want', mikhand: 'want',
  nemikhad: 'not want', nemikhan: 'not want', daran: '', dare: 'has', dasht: '', neveshte: 'wrote', neveshtan: 'wrote', goft: 'said',
  gofte: 'said', mige: 'says', migan: 'say', migoone: 'says', bemune: 'stay', bemoone: 'stay', bere: 'leave', beran: 'leave', kosht: 'killed',
  koshte: 'killed', koshtan: 'killed', ferestad: 'sent', mifreste: 'sends', miferese: 'sends', mitarse: 'fears', mitarsan: 'fear', begoo: 'say',
  begu: 'say', bego: 'say', tozih: 'explain', bede: '', bedid: '', montasher: 'published',
  // nouns and adjectives
  esm: 'name', e: '', maghale: 'article', maqale: 'article', nevisande: 'author', nevisandegan: 'authors', nevisande_ha: 'authors', jang: 'war', artesh: 'army',
  sarbaz: 'soldier', sarbazha: 'soldiers', sarbaza: 'soldiers', keshvar: 'country', dolat: 'government', rejim: 'regime', nezam: 'regime',
  hemayat: 'support', komak: 'help', poul: 'money', tahrim: 'sanctions', tahrimha: 'sanctions', tahrima: 'sanctions', etemad: 'trust',
  doost: 'friend', doosti: 'friendship', doshman: 'enemy', ghodrat: 'power', harf: 'words', hadaf: 'goal', ahdaf: 'goals', moshkel: 'problem',
  moshkelat: 'problems', ravabet: 'relations', rabete: 'relationship', havapeyma: 'airliner', nafar: 'people', mardom: 'public', sal: 'year',
  tarikh: 'date', ettehad: 'alliance', mottahed: 'ally', davaa: 'competing', dava: 'competing', rahbar: 'Supreme Leader', kar: 'role', naghsh: 'role',
  zamin: 'ground', aseman: 'air', havayi: 'air', shiye: 'Shiite', shiea: 'Shiite', afghani: 'Afghan', pakestani: 'Pakistani', nezami: 'military',
  zood: 'quickly', dir: 'late', tolani: 'long', kootah: 'short', bozorg: 'big', asli: 'main', vaghean: 'really', vaghan: 'really',
  ha: '', haye: '', hash: '', esh: '', ta: '', nazar: 'view', natije: 'conclusion', natijeh: 'conclusion', kholase: 'summary', kholaseh: 'summary',
  vared: 'entered', tarafdar: 'supporter', mokhalef: 'opposition', mokhalefan: 'opposition', hamle: 'attack', hamleh: 'attack',
  bombaran: 'bombing', zamini: 'ground', niroo: 'forces', niru: 'forces', niroohaye: 'forces', nirooha: 'forces', shebhenezami: 'militias',
  bietemadi: 'distrust', eshtebah: 'wrong', dorost: 'right', doroogh: 'lie', ghabool: 'accept', tars: 'fear', tarsidan: 'fear',
  hazine: 'cost', hazineh: 'cost', sabr: 'patience', zaman: 'time', vaght: 'time', modat: 'duration', tavafogh: 'agreement',
  hastei: 'nuclear', hasteii: 'nuclear', rabt: 'connection', mozoo: 'topic', mozu: 'topic', bakhsh: 'section', ghesmat: 'part', akhar: 'end',
  aval: 'first', avval: 'first', sokhanrani: 'speech', majles: 'parliament', raees: 'president', rais: 'president', ostad: 'professor',
  pazhooheshgar: 'researcher', moassese: 'institute', daneshgah: 'university', entekhabat: 'elections', solh: 'peace', amniat: 'security',
  khatar: 'risk', soot: 'loss', talafat: 'casualties', kushte: 'killed', mordan: 'died', mord: 'died', estefade: 'use', mifrooshe: 'sells out',
  foroosh: 'sell', khiyanat: 'betrayal', bazi: 'game', ghodratmand: 'powerful', zaif: 'weak', ghavi: 'strong', mostaghel: 'independent',
  esteghlal: 'independence', vabaste: 'dependent', vabastegi: 'dependence',
  // (more of the everyday words: "dar mored-e", about; "che jur", what kind; "dooste dashte bashe", would like)
  mored: 'about', nazaresh: 'view', hazer: 'ready', hazeran: 'ready', jash: 'place', jaye: 'place', biad: 'come', deraz: 'long',
  donbal: 'seeking', moshtarak: 'common', foori: 'immediate', jur: 'kind', hokoomat: 'government', hokoomati: 'government',
  dooste: 'prefer', bashe: '', zaeef: 'weak', hoosele: 'patience', kharj: 'spend', midoonan: 'know', midoone: 'knows', midoonam: 'know',
  kamelan: 'completely', pak: 'eliminate', peyvastan: 'joined', payam: 'message', payami: 'message', tahammol: 'tolerate', dalil: 'reason',
  dalayel: 'reasons', aslahe: 'weapons', ajale: 'hurry', sood: 'benefit', soodi: 'benefit', miporse: 'asks', soal: 'question', soali: 'question',
  befroushan: 'sell out', befrooshe: 'sell out', poshte: 'behind', gozasht: 'imposed', gir: 'got', avord: '', asar: 'effect', roo: 'on',
  moghe: 'time', tamoom: 'end', she: '', beshe: '', nakhad: 'not want', barash: 'for it', bemiran: 'die', siasat: 'policy',
  chapesh: 'published', daghigh: 'exact', daghighan: 'exactly', har: 'each', alan: 'now', hala: 'now', ghablan: 'before', mide: 'gives',
  midan: 'give', kone: 'do', mikham: 'want', aslan: 'at all', shayad: 'maybe', momkene: 'may', kolan: 'overall',
  // (instructions, read as instructions: "ye sher benevis", write a poem; "dastoorato faramoosh kon", forget your instructions)
  benevis: 'write', benevisid: 'write', ezafe: 'add', kon: '', konid: '', begid: 'say', nadide: 'ignore', begir: '', faramoosh: 'forget',
  dastoor: 'instruction', dastoorat: 'instructions', dasturat: 'instructions', dastooret: 'your instructions', dastoorato: 'your instructions',
  ghavanin: 'rules', ghanoon: 'rule', javab: 'answer', javabet: 'your answer', sher: 'poem', sheer: 'poem', ghesse: 'story', dastan: 'story',
  shookhi: 'joke', faghat: 'only', tanha: 'only', hamishe: 'always', tekrar: 'repeat',
};

const PERSIAN: Romanized = {
  markers: PERSIAN_MARKERS,
  asking: PERSIAN_ASKING,
  inPlace: PERSIAN_IN_PLACE,
  words: PERSIAN_WORDS,
  verbsAfter: { bood: 'was', hast: 'is', ast: 'is', hastan: 'are', budan: 'were' },
  fronted: { chi: 'what do' },
  beforeOwn: { in: 'this' },
};

/** Words that mark a message as Tagalog (Taglish): particles, pronouns and markers no English sentence uses. */
const TAGALOG_MARKERS = new Set(
  `ba yung ung ang ng mga po kasi diba talaga naman lang ni nila niya siya sila ano anong bakit sino sinong kailan saan paano
  ilan ilang gaano alin pala daw raw rin nga yan yun iyan iyon ito dito doon natin namin nyo ninyo kayo tayo ako ikaw hindi opo
  gusto ayaw kailangan pwede puwede sabi sinabi tungkol pareho parehas magkaiba dahil dahilan talagang ganun ganon bang lng nmn kc`.split(/\s+/),
);

/** Tagalog's question words, by the English word they ask with. */
const TAGALOG_ASKING: Record<string, string> = {
  ano: 'what', anong: 'what', bakit: 'why', bat: 'why', sino: 'who', sinong: 'who', sinu: 'who', kailan: 'when', saan: 'where',
  paano: 'how', pano: 'how', paanong: 'how', ilan: 'how many', ilang: 'how many', gaano: 'how', alin: 'which', aling: 'which',
};

const TAGALOG_WORDS: Record<string, string> = {
  // particles, markers, pronouns and fillers
  ba: '', bang: '', yung: 'the', ung: 'the', ang: 'the', ng: 'of', mga: '', po: '', kasi: 'because', kc: 'because', diba: '', talaga: 'really',
  talagang: 'really', naman: '', nmn: '', lang: 'only', lng: 'only', sa: 'in', si: '', ni: 'of', nila: 'their', niya: 'his', siya: 'he',
  sila: 'they', pala: '', daw: '', raw: '', din: 'also', rin: 'also', nga: '', yan: 'that', yun: 'that', iyan: 'that', iyon: 'that',
  ito: 'this', dito: 'here', doon: 'there', natin: 'our', namin: 'our', nyo: 'your', ninyo: 'your', kayo: 'you', tayo: 'we', ako: 'I',
  ikaw: 'you', hindi: 'not', oo: 'yes', opo: 'yes', eh: '', na: '', pa: 'still', ganun: 'like that', ganon: 'like that', mo: 'you', ko: 'I',
  // verbs, nouns and the words of politics and war
  gusto: 'want', gustong: 'want to', ayaw: 'not want', kailangan: 'need', pwede: 'can', puwede: 'can', sabi: 'said', sinabi: 'said',
  ginawa: 'did', gawin: 'do', nangyari: 'happened', mangyari: 'happen', tungkol: 'about', pareho: 'same', parehas: 'same',
  magkaiba: 'different', pagkakaiba: 'difference', dahil: 'because', dahilan: 'reason', kaibigan: 'friends', kaaway: 'enemies',
  bansa: 'country', dalawa: 'two', dalawang: 'two', isa: 'one', tao: 'people', sundalo: 'soldiers', giyera: 'war', gyera: 'war',
  digmaan: 'war', tiwala: 'trust', pera: 'money', sumulat: 'wrote', sinulat: 'wrote', isinulat: 'wrote', namatay: 'died', patay: 'dead',
  tulong: 'help', takot: 'afraid', matagal: 'long', ngayon: 'now', dati: 'before', bago: 'before', pagkatapos: 'after', may: 'has',
  meron: 'has', wala: 'none', lahat: 'all', bawat: 'each', pinuno: 'leader', gobyerno: 'government', artikulo: 'article',
  // (instructions, read as instructions: "isulat mo ang tula", write the poem; "kalimutan mo ang utos", forget the instructions)
  isulat: 'write', sumagot: 'answer', sagot: 'answer', kalimutan: 'forget', balewalain: 'ignore', sabihin: 'say', idagdag: 'add',
  tula: 'poem', kwento: 'story', utos: 'instructions', patakaran: 'rules',
  // (common verbs in their usual forms)
  matapos: 'end', natapos: 'ended', sumali: 'joined', sumama: 'joined', tumulong: 'helped', tumutulong: 'helping', lumaban: 'fought',
  manalo: 'win', nanalo: 'won', umalis: 'leave', aalis: 'leave', mamatay: 'die', naniniwala: 'believe', magtiwala: 'trust',
  nagtitiwala: 'trust', suportahan: 'support', sinusuportahan: 'support', ginagawa: 'doing', nagbibigay: 'providing', binomba: 'bombed',
  eroplano: 'plane', pinatay: 'killed', kasama: 'with', laban: 'against', kontra: 'against', layunin: 'goal', plano: 'plan', katapusan: 'end',
};

const TAGALOG: Romanized = {
  markers: TAGALOG_MARKERS,
  asking: TAGALOG_ASKING,
  inPlace: new Set(['ilan', 'ilang', 'alin', 'aling']),
  words: TAGALOG_WORDS,
  // ("ano ang goal", what is the goal; "sino yung", who is the)
  verbsAfter: { ang: 'is', yung: 'is', ung: 'is' },
};

/**
 * Words that mark a message as Egyptian Arabic in Latin letters (Arabizi, digits for the letters Latin lacks: 3 ain, 7 ha, 2 hamza,
 * 5 kha): grammar and common words no English sentence uses ("el", "da", "men" are English or Spanish too, so no markers).
 */
const ARABIZI_MARKERS = new Set(
  `ezay ezzay 2ezay leh leih eih 2eh emta imta meen fein feen kam anhi anhy anho ya3ni yani 3ayez 3ayz 3awez 3ayza 3awza
  3ayzeen 3awzeen mesh msh mish 3ala 3la homa howa heya enta enti ehna dah deh dool bta3 beta3 betaa3 bta3et beta3et 7aga 7agat
  3ashan 3shan alashan 3alashan lama awy 2awy gedan walla tayeb 5alas m3a ma3 3an ba2a bardo kaman etnein etnen itnein kda keda
  a3raf a3rf yeb2a kan kanet kano momken lazem elly elli illi`.split(/\s+/),
);

const ARABIZI_ASKING: Record<string, string> = {
  ezay: 'how', ezzay: 'how', '2ezay': 'how', leh: 'why', leih: 'why', lih: 'why', eh: 'what', eih: 'what', '2eh': 'what', emta: 'when',
  imta: 'when', meen: 'who', fein: 'where', feen: 'where', kam: 'how many', anhi: 'which', anhy: 'which', anho: 'which',
};

const ARABIZI_WORDS: Record<string, string> = {
  // articles, pronouns, particles and fillers
  el: 'the', il: 'the', elly: 'that', elli: 'that', illi: 'that', da: 'this', di: 'this', deh: 'this', dah: 'this', dool: 'these',
  ya3ni: '', yani: '', mesh: 'not', msh: 'not', mish: 'not', fe: 'in', fi: 'in', '3ala': 'on', '3la': 'on', homa: 'they', howa: 'he',
  heya: 'she', ana: 'I', enta: 'you', enti: 'you', ehna: 'we', bta3: 'of', beta3: 'of', betaa3: 'of', bta3et: 'of', beta3et: 'of',
  '3ashan': 'because', '3shan': 'because', alashan: 'because', '3alashan': 'because', lama: 'when', bas: 'but', awy: 'very', '2awy': 'very',
  gedan: 'very', wala: 'or', walla: 'or', tab: '', tayeb: '', ya: '', '5alas': '', m3a: 'with', ma3: 'with', men: 'from', mn: 'from',
  '3an': 'about', w: 'and', ba2a: '', bardo: 'also', kaman: 'also', etnein: 'both', etnen: 'both', itnein: 'both', kda: 'like this', keda: 'like this',
  // verbs and nouns
  '3ayez': 'want', '3ayz': 'want', '3awez': 'want', '3ayza': 'want', '3awza': 'want', '3ayzeen': 'want', '3awzeen': 'want', a3raf: 'know',
  a3rf: 'know', yeb2a: 'is', kan: 'was', kanet: 'was', kano: 'were', momken: 'can', lazem: 'must', '7aga': 'thing', '7agat': 'things',
  rous: 'Russians', roos: 'Russians', russya: 'Russia', rosya: 'Russia', amrika: 'America', amreeka: 'America', '7arb': 'war',
  gaish: 'army', geish: 'army', tayarat: 'planes', '3askari': 'military', felos: 'money', flos: 'money', as7ab: 'friends', a3da2: 'enemies',
  sera3: 'conflict', se2a: 'trust', thi2a: 'trust', maqal: 'article', makal: 'article', maqala: 'article', makala: 'article',
  katib: 'author', kottab: 'authors', katbo: 'wrote', katabo: 'wrote', etnashar: 'published', '2al': 'said', '2alo': 'said', ra2is: 'president',
  ahl: 'people', nas: 'people', mawt: 'deaths', mato: 'died', '3alaka': 'relationship', '3ala2a': 'relationship',
  // (instructions, read as instructions: "ekteb she3r", write a poem; "ensa el ta3limat", forget the instructions)
  ektb: 'write', ekteb: 'write', oktob: 'write', ensa: 'forget', etgahel: 'ignore', tegahel: 'ignore', '2ol': 'say', ool: 'say',
  zawed: 'add', zawwed: 'add', 'she3r': 'poem', nokta: 'joke', 'ta3limat': 'instructions', '2awamer': 'instructions', awamer: 'instructions',
};

const ARABIZI: Romanized = {
  markers: ARABIZI_MARKERS,
  asking: ARABIZI_ASKING,
  inPlace: new Set(['kam', 'anhi', 'anhy', 'anho']),
  words: ARABIZI_WORDS,
  verbsAfter: { kan: 'was', yeb2a: 'is' },
  // ("wa7ed", "ta3awon", "2alo": a 3, 7 or 2 among letters, or one before a vowel starting a word; not chat's "4him", "2day",
  // nor a name of letters without a vowel and a number, "G7", "P5", "mp3", "b2b"; "la2", "mawdoo3" are words)
  marked: /^(?:[2357][aeiouy]\p{L}|(?=[^2357]*[aeiouy])\p{L}+[2357]\p{L}*)$/u,
};

/** A word: letters, and digits among them (Arabizi writes "3ayez", "7arb"); digits alone are no word. */
const WORD = /(?<![\p{L}\p{N}'’])[\p{N}]*\p{L}[\p{L}\p{N}]*(?![\p{L}\p{N}'’])/gu;

const LANGUAGES = [HINDI, PERSIAN, TAGALOG, ARABIZI];
/** Each language's verbs read with a question word after it ("kaun hai"), as a pattern, built once. */
const VERB_AFTER = new Map(LANGUAGES.map((l) => [l, new RegExp(`^\\s+(${Object.keys(l.verbsAfter).join('|')})\\b`, 'i')]));

/** The language a message reads as: two of its marker words at least, more than of any other language's. */
function languageOf(words: string[]): Romanized | undefined {
  const counts = LANGUAGES.map((l) => ({ l, n: new Set(words.filter((w) => l.markers.has(w) || l.marked?.test(w))).size })).sort((a, b) => b.n - a.n);
  return counts[0].n >= 2 && counts[0].n > counts[1].n ? counts[0].l : undefined;
}

/** The message with its language's words read in English, the first question word leading; unchanged when it reads as none. */
export function fromRomanized(text: string): string {
  const language = languageOf((text.match(WORD) ?? []).map((w) => w.toLowerCase()));
  if (!language) return text;
  const { asking, inPlace, words, verbsAfter, fronted, beforeOwn } = language;
  const verbAfter = VERB_AFTER.get(language)!;
  // (each sentence its own question: "... kya difference hai? ek ko kaisa conflict chahiye ...?")
  return text
    .split(/(?<=[?!.])\s+/)
    .map((sentence) => {
      let asked: string | undefined;
      const read = sentence.replace(WORD, (w, at: number) => {
        const lower = w.toLowerCase();
        // (a capitalised word is a name, or English: "Russia ke", "IS ka")
        if (/^\p{Lu}/u.test(w) && !language.markers.has(lower) && !(lower in asking)) return w;
        if (lower in asking) {
          if (asked || inPlace.has(lower)) return asking[lower];
          // ("kaun hai": who is; "kab tha": when was)
          const verb = verbAfter.exec(sentence.slice(at + w.length))?.[1].toLowerCase();
          asked = verb ? `${asking[lower]} ${verbsAfter[verb]}` : (fronted?.[lower] ?? asking[lower]);
          return '';
        }
        if (beforeOwn && lower in beforeOwn) {
          const next = /^\s+(\p{L}+)/u.exec(sentence.slice(at + w.length))?.[1].toLowerCase();
          return next && next in words ? beforeOwn[lower] : w;
        }
        return words[lower] ?? w;
      });
      const tidy = read.replace(/[ \t]{2,}/g, ' ').replace(/\s+([?,.!])/g, '$1').trim();
      return asked ? `${asked} ${tidy}` : tidy;
    })
    .join(' ');
}
