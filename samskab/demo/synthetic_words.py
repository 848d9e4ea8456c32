"""Danish words and sentence patterns for the synthetic municipality (see synthetic.py).

Nouns and verbs come in several forms ("skabelon", "skabelonen", "skabeloner", "skabelonerne"), so
that a search for one form finds items written with another. The lists are ordered from common
to rare: words are drawn with Zipf-like weights, so a search for an early word finds many items
and one for a late word finds a few, as in a real lesson bank.
"""

# Nouns: singular, singular definite, plural, plural definite (a dash where Danish has no form).
NOUNS = """
dokumentation dokumentationen - -
registrering registreringen registreringer registreringerne
møde mødet møder møderne
skabelon skabelonen skabeloner skabelonerne
borger borgeren borgere borgerne
medarbejder medarbejderen medarbejdere medarbejderne
leder lederen ledere lederne
godkendelse godkendelsen godkendelser godkendelserne
vagtplan vagtplanen vagtplaner vagtplanerne
tid tiden tider tiderne
opgave opgaven opgaver opgaverne
kørsel kørslen - -
tavle tavlen tavler tavlerne
system systemet systemer systemerne
procedure proceduren procedurer procedurerne
indberetning indberetningen indberetninger indberetningerne
kontrol kontrollen kontroller kontrollerne
tjekliste tjeklisten tjeklister tjeklisterne
aftale aftalen aftaler aftalerne
mail mailen mails mailsene
formular formularen formularer formularerne
team teamet teams teamsene
overlevering overleveringen overleveringer overleveringerne
journal journalen journaler journalerne
sagsbehandling sagsbehandlingen - -
besøg besøget besøg besøgene
pårørende - - -
visitation visitationen visitationer visitationerne
indkøb indkøbet indkøb indkøbene
bestilling bestillingen bestillinger bestillingerne
kalender kalenderen kalendere kalenderne
vikar vikaren vikarer vikarerne
rapport rapporten rapporter rapporterne
handleplan handleplanen handleplaner handleplanerne
ansøgning ansøgningen ansøgninger ansøgningerne
underskrift underskriften underskrifter underskrifterne
budget budgettet budgetter budgetterne
faktura fakturaen fakturaer fakturaerne
telefon telefonen telefoner telefonerne
tablet tabletten tabletter tabletterne
morgenmøde morgenmødet morgenmøder morgenmøderne
tavlemøde tavlemødet tavlemøder tavlemøderne
personalemøde personalemødet personalemøder personalemøderne
teammøde teammødet teammøder teammøderne
dobbeltregistrering dobbeltregistreringen dobbeltregistreringer dobbeltregistreringerne
mødeplan mødeplanen mødeplaner mødeplanerne
arbejdsgang arbejdsgangen arbejdsgange arbejdsgangene
samarbejde samarbejdet samarbejder samarbejderne
kommunikation kommunikationen - -
information informationen informationer informationerne
oplæring oplæringen - -
introduktion introduktionen introduktioner introduktionerne
elev eleven elever eleverne
forælder forælderen forældre forældrene
barn barnet børn børnene
stue stuen stuer stuerne
klasse klassen klasser klasserne
lærer læreren lærere lærerne
pædagog pædagogen pædagoger pædagogerne
sygeplejerske sygeplejersken sygeplejersker sygeplejerskerne
hjælper hjælperen hjælpere hjælperne
terapeut terapeuten terapeuter terapeuterne
rehabilitering rehabiliteringen - -
træning træningen - -
medicin medicinen - -
medicinliste medicinlisten medicinlister medicinlisterne
hjælpemiddel hjælpemidlet hjælpemidler hjælpemidlerne
bil bilen biler bilerne
nøgle nøglen nøgler nøglerne
rute ruten ruter ruterne
køreliste kørelisten kørelister kørelisterne
ferieplan ferieplanen ferieplaner ferieplanerne
sygemelding sygemeldingen sygemeldinger sygemeldingerne
fravær fraværet - -
trivsel trivslen - -
arbejdsmiljø arbejdsmiljøet - -
tillid tilliden - -
ansvar ansvaret - -
beslutning beslutningen beslutninger beslutningerne
prioritering prioriteringen prioriteringer prioriteringerne
mål målet mål målene
måling målingen målinger målingerne
indikator indikatoren indikatorer indikatorerne
logbog logbogen logbøger logbøgerne
evaluering evalueringen evalueringer evalueringerne
pilot piloten piloter piloterne
udbud udbuddet udbud udbuddene
leverandør leverandøren leverandører leverandørerne
kontrakt kontrakten kontrakter kontrakterne
vejledning vejledningen vejledninger vejledningerne
instruks instruksen instrukser instrukserne
retningslinje retningslinjen retningslinjer retningslinjerne
politik politikken politikker politikkerne
skema skemaet skemaer skemaerne
portal portalen portaler portalerne
intranet intranettet - -
nyhedsbrev nyhedsbrevet nyhedsbreve nyhedsbrevene
ambassadør ambassadøren ambassadører ambassadørerne
konsulent konsulenten konsulenter konsulenterne
erfagruppe erfagruppen erfagrupper erfagrupperne
direktion direktionen direktioner direktionerne
forvaltning forvaltningen forvaltninger forvaltningerne
afdeling afdelingen afdelinger afdelingerne
vagt vagten vagter vagterne
weekend weekenden weekender weekenderne
nattevagt nattevagten nattevagter nattevagterne
aftenvagt aftenvagten aftenvagter aftenvagterne
vagtskifte vagtskiftet vagtskifter vagtskifterne
madplan madplanen madplaner madplanerne
køkken køkkenet køkkener køkkenerne
rengøring rengøringen - -
vedligehold vedligeholdet - -
affald affaldet - -
sortering sorteringen sorteringer sorteringerne
byggesag byggesagen byggesager byggesagerne
tilladelse tilladelsen tilladelser tilladelserne
høring høringen høringer høringerne
partshøring partshøringen partshøringer partshøringerne
afgørelse afgørelsen afgørelser afgørelserne
klage klagen klager klagerne
sagsgang sagsgangen sagsgange sagsgangene
ydelse ydelsen ydelser ydelserne
bevilling bevillingen bevillinger bevillingerne
samtale samtalen samtaler samtalerne
jobsamtale jobsamtalen jobsamtaler jobsamtalerne
ledighed ledigheden - -
virksomhed virksomheden virksomheder virksomhederne
praktik praktikken praktikker praktikkerne
mentor mentoren mentorer mentorerne
frivillig - frivillige -
forening foreningen foreninger foreningerne
hal hallen haller hallerne
booking bookingen bookinger bookingerne
bibliotek biblioteket biblioteker bibliotekerne
udlån udlånet udlån udlånene
arrangement arrangementet arrangementer arrangementerne
lønseddel lønsedlen lønsedler lønsedlerne
timeregistrering timeregistreringen timeregistreringer timeregistreringerne
fraværsregistrering fraværsregistreringen - -
sprogvurdering sprogvurderingen sprogvurderinger sprogvurderingerne
underretning underretningen underretninger underretningerne
statusmøde statusmødet statusmøder statusmøderne
netværksmøde netværksmødet netværksmøder netværksmøderne
tværfaglighed tværfagligheden - -
koordinering koordineringen - -
sparring sparringen - -
supervision supervisionen - -
kompetence kompetencen kompetencer kompetencerne
kursus kurset kurser kurserne
e-læring e-læringen - -
nøglebox nøgleboxen nøglebokse nøgleboksene
magnettavle magnettavlen magnettavler magnettavlerne
post-it post-it'en post-its post-itsene
fotodokumentation fotodokumentationen - -
stikprøve stikprøven stikprøver stikprøverne
tilsyn tilsynet tilsyn tilsynene
tilsynsrapport tilsynsrapporten tilsynsrapporter tilsynsrapporterne
akkreditering akkrediteringen - -
kvalitetsstandard kvalitetsstandarden kvalitetsstandarder kvalitetsstandarderne
servicedeklaration servicedeklarationen servicedeklarationer servicedeklarationerne
ernæringsscreening ernæringsscreeningen ernæringsscreeninger ernæringsscreeningerne
faldforebyggelse faldforebyggelsen - -
tryksår tryksåret tryksår tryksårene
hverdagsrehabilitering hverdagsrehabiliteringen - -
velfærdsteknologi velfærdsteknologien - -
skylletoilet skylletoilettet skylletoiletter skylletoiletterne
loftlift loftliften loftlifte loftliftene
vasketøj vasketøjet - -
"""

# Verbs: infinitive, present, past, past participle.
VERBS = """
gøre gør gjorde gjort
spare sparer sparede sparet
samle samler samlede samlet
forenkle forenkler forenklede forenklet
erstatte erstatter erstattede erstattet
fjerne fjerner fjernede fjernet
give giver gav givet
kræve kræver krævede krævet
skabe skaber skabte skabt
mindske mindsker mindskede mindsket
styrke styrker styrkede styrket
flytte flytter flyttede flyttet
afprøve afprøver afprøvede afprøvet
godkende godkender godkendte godkendt
dokumentere dokumenterer dokumenterede dokumenteret
registrere registrerer registrerede registreret
planlægge planlægger planlagde planlagt
aftale aftaler aftalte aftalt
inddrage inddrager inddrog inddraget
prioritere prioriterer prioriterede prioriteret
tilpasse tilpasser tilpassede tilpasset
udskyde udskyder udskød udskudt
droppe dropper droppede droppet
koordinere koordinerer koordinerede koordineret
evaluere evaluerer evaluerede evalueret
digitalisere digitaliserer digitaliserede digitaliseret
automatisere automatiserer automatiserede automatiseret
afklare afklarer afklarede afklaret
halvere halverer halverede halveret
uddelegere uddelegerer uddelegerede uddelegeret
standardisere standardiserer standardiserede standardiseret
synliggøre synliggør synliggjorde synliggjort
"""

ADJECTIVES = """
fælles fælles fælles
kort kort korte
enkel enkelt enkle
fast fast faste
digital digitalt digitale
ny nyt nye
tydelig tydeligt tydelige
daglig dagligt daglige
ugentlig ugentligt ugentlige
mundtlig mundtligt mundtlige
skriftlig skriftligt skriftlige
lokal lokalt lokale
central centralt centrale
unødvendig unødvendigt unødvendige
dobbelt dobbelt dobbelte
manuel manuelt manuelle
"""

PHRASES = [
    "om morgenen", "ved vagtskiftet", "på teammødet", "hver fredag", "i weekenden", "før ferien",
    "fra første dag", "i hele området", "hos borgerne", "på tværs af teams", "efter frokost",
    "i stedet for tre gange", "en gang om ugen", "uden ekstra tid", "i pilotperioden",
]

# Rare words: each in a few dozen items of a large bank (an unusual idea someone tried once).
RARE = """
skærmbesøg dosisdispenser ruteoptimering madspild kørebog nøglebrik talegenkendelse robotstøvsuger
vendeseng døgnrytmelys spisevenner udeskole legepatrulje læsevenner lektiecafé mikrolån cykelværksted
genbrugsbutik byttecentral vinterbadning krolf motionsbanko havebrug hønsehold stavgang tandprotese
nødkald sengealarm natkamera medicinrobot
""".split()
RARE_SENTENCES = [
    "Idéen med {r} kom fra en anden arbejdsplads.",
    "Vi prøvede også {r}, men det gav ikke meget.",
    "En kollega foreslog {r} som næste forsøg.",
]

# Sentence patterns: {N} a noun (capitalised), {n} a noun, {a} an adjective, {v} a verb in the
# present, {vp} in the past, {vt} the participle, {vi} the infinitive, {p} a phrase, {r} a rare word, {num} a number.
TITLES = [
    "{A} {n} {v} {n}",
    "{N} {v} {n} {p}",
    "Mindre {n} med {a} {n}",
    "Vi {vp} {n} {p}",
    "{N} kræver {n} fra start",
    "Undgå {n} uden {n}",
    "{A} {n} til {n}",
    "{N} blev {vt} efter {num} uger",
    "Én {n} i stedet for {num}",
    "Husk at {vi} {n} {p}",
    "{N} og {n} hænger sammen",
    "Færre {n} ved {a} {n}",
]
SENTENCES = [
    "Det sparer {num} minutter pr. {n}.",
    "{N} blev {vt} {p}.",
    "Medarbejderne oplevede {a} {n} og mindre {n}.",
    "Vi {vp} {n}, så {n} kom tættere på kerneopgaven.",
    "Lederen {vp} {n} sammen med TR og AMR.",
    "Uden {n} gik {n} i stå efter {num} uger.",
    "Målingen viste {num} procent færre {n}.",
    "{N} skal {vi} {n} {p}, ellers kommer det gamle bøvl tilbage.",
    "Vi {vp} {n} i en pilot med {num} medarbejdere.",
    "Det kræver {a} {n} og en leder, der bakker op.",
    "Borgerne mærkede {a} {n} {p}.",
    "Næste skridt er at {vi} {n} i resten af området.",
]
CHALLENGES = [
    "For mange {n}", "{N} tager tid fra borgerne", "Dobbelt {n} i {n}", "Uklart ansvar for {n}",
    "{N} skal godkendes tre steder", "Lange ventetider på {n}", "{N} bliver ikke brugt",
]

FIRST_NAMES = """
Anne Mette Hanne Susanne Lene Marianne Camilla Louise Pia Tina Charlotte Maria Julie Sofie Karen
Bente Birgitte Helle Lone Inge Kirsten Rikke Sara Emma Ida Peter Jens Lars Michael Henrik Thomas
Søren Jan Niels Morten Rasmus Martin Anders Jesper Christian Mads Frederik Jonas Kim Ole Bo Torben
""".split()
LAST_NAMES = """
Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen
Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen
Lauridsen Holm Dahl Bach Lund Kofoed Svendsen Schmidt Østergaard Vestergaard Friis Bruun Krogh
""".split()

ADMINISTRATIONS = [
    "Social- og Sundhedsforvaltningen", "Børne- og Ungeforvaltningen", "Teknik- og Miljøforvaltningen",
    "Kultur- og Fritidsforvaltningen", "Beskæftigelsesforvaltningen", "Økonomi- og Personaleforvaltningen",
    "Borgerservice og Digitalisering", "Ejendomme og Drift",
]
AREAS = [
    "Hjemmeplejen", "Plejecentrene", "Dagtilbud", "Skoleområdet", "Jobcentret", "Myndighed",
    "Vej og Park", "Byggeri", "Biblioteker", "Sundhedsplejen", "Rehabilitering", "Familieområdet",
    "Handicap og Psykiatri", "Idræt og Haller", "Løn og HR", "Rengøring",
]
DISTRICTS = ["Nord", "Syd", "Øst", "Vest", "Midt", "By", "Land"]
WORKPLACE_KINDS = [
    "Plejecenter", "Hjemmeplejegruppe", "Børnehuset", "Vuggestuen", "Skole", "Team", "Afdeling",
    "Bosted", "Værested", "Genoptræning", "Depot", "Bibliotek",
]
PLACE_NAMES = """
Egebo Lindegården Birkely Solsikken Mælkebøtten Bøgely Kastanjen Fyrreparken Havbakken Skovlyst
Engbo Ahornhuset Rønnebær Lærkereden Nøddebo Strandvejen Rosenhaven Kildebakken Elmehøj Granly
Møllehuset Bakkegården Åparken Søbyen Østerled Vesterport Tjørnebo Valmuen Hybenhuset Pilegården
""".split()


def noun_forms() -> list[list[str]]:
    """Each noun's forms (without the dashes), common nouns first."""
    return [[form for form in line.split() if form != "-"] for line in NOUNS.strip().splitlines()]


def verb_forms() -> list[list[str]]:
    return [line.split() for line in VERBS.strip().splitlines()]


def adjective_forms() -> list[list[str]]:
    return [line.split() for line in ADJECTIVES.strip().splitlines()]
