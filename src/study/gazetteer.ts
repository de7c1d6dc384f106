/**
 * Word lists the fact finder leans on. General knowledge only — nothing here names what one
 * corpus says — so a new document is read with the same rules as the article.
 */

/** Sovereign states and the short names people write for them. */
export const COUNTRIES = new Set(
  `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|United States|United States of America|US|USA|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe`.split('|'),
);

/** Single-word country names in lower case, as tokens carry them. */
export const COUNTRY_WORDS = new Set([...COUNTRIES].filter((c) => !c.includes(' ')).map((c) => c.toLowerCase()));

/** The distinctive words of country names of several words, in lower case ("saudi", "lanka"; not "united", "republic", "russian"). */
export const COUNTRY_NAME_WORDS = new Set(
  [...COUNTRIES]
    .filter((c) => c.includes(' '))
    .flatMap((c) => c.toLowerCase().split(' '))
    .filter((w) => w.length >= 4 && !/^(?:north|south|east|west|united|republic|central|african|emirates|kingdom|states|islands|island|coast|great|saint|america|federation|democratic|russian|ivory|cape|dominican)$/.test(w)),
);

/** Capitals and seats of government, which stand for their countries ("Moscow said", "the Kremlin wants"), in lower case. */
export const CAPITAL_WORDS = new Set(
  'moscow tehran damascus washington kremlin beijing ankara riyadh baghdad kabul beirut cairo london paris berlin pentagon whitehall'.split(' '),
);

/**
 * Regions and cities of the wider Middle East, Russia and its neighbours, and the cities where diplomacy
 * meets, in lower case (one distinctive word each: "petersburg"): a place named in chat's lower case
 * ("how many came from chechnya") is a name as a capitalised one is. No word that is also a common
 * English word.
 */
export const PLACE_WORDS = new Set(
  `chechnya dagestan ingushetia crimea donbas donetsk luhansk siberia tatarstan grozny sochi petersburg kaliningrad sevastopol vladivostok novorossiysk
  aleppo idlib homs hama latakia tartus palmyra raqqa deir ezzor hmeimim daraa ghouta kobani qusayr zabadani quneitra
  mosul fallujah ramadi basra najaf karbala erbil kirkuk samarra anbar
  isfahan qom mashhad tabriz shiraz natanz fordow bushehr khuzestan sistan baluchestan balochistan
  gaza jerusalem golan istanbul dubai doha geneva vienna lausanne munich brussels yalta helsinki minsk kiev kyiv kharkiv odesa odessa tbilisi baku yerevan
  astana tashkent dushanbe bishkek kandahar herat mazar peshawar karachi lahore quetta islamabad sanaa hodeidah benghazi tripoli abkhazia ossetia karabakh kurdistan
  hormuz caspian`.split(/\s+/),
);

/** The country a capital or seat of government stands for ("the Kremlin leader" is Russia's). */
export const CAPITAL_OF = new Map<string, string>(
  Object.entries({
    moscow: 'russia', kremlin: 'russia', tehran: 'iran', damascus: 'syria', washington: 'america', pentagon: 'america', beijing: 'china',
    ankara: 'turkey', riyadh: 'saudi', baghdad: 'iraq', kabul: 'afghanistan', beirut: 'lebanon', cairo: 'egypt', london: 'britain',
    whitehall: 'britain', paris: 'france', berlin: 'germany',
  }),
);

/**
 * Two-letter country codes (ISO 3166) as analysts and chat write them ("RU-IR friction", "IR nuke program"),
 * each for the name the country list gives: the current code only (not "SU" for Russia), and not a code that
 * is also an English word or a common abbreviation when typed in capitals ("IN", "IT", "MA", "TV", "US").
 */
export const COUNTRY_CODES: ReadonlyMap<string, string> = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const usual: Record<string, string> = { Türkiye: 'Turkey', Czechia: 'Czech Republic' };
  // (words and abbreviations more often meant than the country: "the AO", area of operations, is no Angola)
  const words = new Set('AD AM AO AT BE BY CA CO DO ID IE IN IS IT MA MD ME MS MY NO PA PE SO TO TV US UK'.split(' '));
  const codes = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (words.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const shown = names.of(code);
      const name = shown && (usual[shown] ?? shown);
      if (name && COUNTRIES.has(name)) codes.set(code, name);
    }
  }
  return codes;
})();

/**
 * The place a code in capitals stands for: a country's two-letter code ("RU"), the three first letters of
 * one country or capital and no other ("TEH" Tehran, "MOS" Moscow, "SYR" Syria; not "IRA": Iran or Iraq),
 * and "DC", Washington. Undefined for anything else, and for a three-letter function word ("CAN").
 */
export function placeOfCode(code: string): string | undefined {
  if (code === 'DC') return 'Washington';
  if (code.length === 2) return COUNTRY_CODES.get(code);
  if (code.length !== 3 || FUNCTION_WORDS.has(code.toLowerCase()) || NO_CODES.has(code)) return undefined;
  const prefix = code.toLowerCase();
  const places = [...COUNTRY_WORDS, ...CAPITAL_WORDS].filter((p) => p.startsWith(prefix));
  return places.length === 1 && places[0] !== prefix ? places[0].replace(/^./, (c) => c.toUpperCase()) : undefined;
}
/** Three-letter words and abbreviations that are no place's code, typed in capitals. */
const NO_CODES = new Set('CAN MAY PER VIA PRO CON PAR BAG BAN CUB PAL MAL MAN TOG BEN KEN LAT LIT EST ROM ARM WAS SIN'.split(' '));

/** Acronyms that are not spelled out in the text but are known to everyone. */
export const KNOWN_ACRONYMS = new Map<string, { kind: 'place' | 'organisation'; country?: boolean }>([
  ['US', { kind: 'place', country: true }],
  ['USA', { kind: 'place', country: true }],
  ['UK', { kind: 'place', country: true }],
  ['UAE', { kind: 'place', country: true }],
  ['UN', { kind: 'organisation' }],
  ['EU', { kind: 'organisation' }],
  ['NATO', { kind: 'organisation' }],
  ['OPEC', { kind: 'organisation' }],
  ['IAEA', { kind: 'organisation' }],
]);

/** Words that make a capitalised name an organisation. */
export const ORGANISATION_WORDS = new Set(
  `Club Council Corps Foundation Institute Institution State Party Ministry Army Navy Guards Guard University College Committee Agency Organisation Organization
  Union Bank Company Corporation Group Front Movement Forces Brigade Brigades Commission Court Assembly Parliament Government Republic Office Department
  Service Services Association Society League Alliance Federation Center Centre Fund Network Journal Times News Post Review Kremlin Pentagon Congress Senate
  Duma Majlis Hezbollah Hamas Taliban Inc Ltd Council Secretariat Board Authority Police Academy`.split(/\s+/),
);

/** Words for a person's office, in front of their name ("president Vladimir Putin", "Supreme Leader Ali Khamenei"). */
export const TITLE_WORDS = new Set(
  `president speaker leader supreme minister prime secretary chancellor king queen prince princess general admiral colonel ayatollah sheikh
  mr mrs ms dr prof professor senator ambassador spokesman spokeswoman commander envoy chairman chairwoman director senior researcher fellow
  emperor pope cardinal archbishop bishop imam mullah governor mayor judge justice lord lady sir dame deputy vice foreign defence defense interior
  parliamentary`.split(/\s+/),
);

/** Roles that, after "is"/"was", say the name before them is a person. */
export const ROLE_WORDS =
  'fellow|researcher|professor|director|analyst|editor|journalist|author|scholar|lecturer|minister|president|speaker|chairman|chairwoman|spokesman|spokeswoman|ambassador|correspondent|writer|historian|economist|commander|advisor|adviser';

/** Verbs that say the name before them is a person. */
export const PERSON_VERBS = 'said|says|told|argued|argues|claimed|claims|addressed|wrote|writes|was invited|believes|insisted|warned|announced|stated|declared|explained';

/** Particles inside personal and place names ("Husayn ibn Ali", "Bashar al-Assad", "Sharm el-Sheikh"). */
export const NAME_PARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'at', 'ibn', 'bin', 'bint', 'abu', 'de', 'du', 'da', 'di', 'dos', 'van', 'von', 'der', 'den', 'la', 'le']);

/** Lower-case words allowed between the capitalised words of one name ("Foundation for Defense of Democracies"). */
export const NAME_CONNECTORS = new Set(['of', 'for', 'ibn', 'bin', 'bint', 'abu', 'de', 'du', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le']);

/** Words after a place name that say it is a place ("the Sinai desert"). */
export const PLACE_NOUNS = 'desert|city|town|region|regions|province|sea|river|mountains|valley|peninsula|coast|border|capital|airport|village|district|island|islands|strait|gulf';

/** Capitalised first words that begin a region's name. */
export const DIRECTIONS = new Set(['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'North', 'South', 'East', 'West', 'Upper', 'Lower', 'Greater']);

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const SEASONS = 'spring|summer|autumn|fall|winter';

/** Words that never start a name even when capitalised at the start of a sentence. */
export const FUNCTION_WORDS = new Set(
  `the a an this that these those but and or if when while however moreover indeed even such since as at in on by for from to of with one it its he she they we i
  there here what which who why how where after before although though yet so then also both neither either all some many most no not nor only according
  given despite during until unless whether whereas thus therefore hence still just instead meanwhile nevertheless nonetheless perhaps`.split(/\s+/),
);
