"""Words for people, outlets and things: which common nouns denote a person, their gender, near-synonyms a report
alternates, and the words that make a name a news outlet.

Why a module of its own, free of spaCy: extraction (kg.extract.entities, kg.extract.coref) reads these words off
parsed text, and resolve (kg.resolve.entities) checks the heads of descriptions against them on the store, where
no parser is needed.

>>> is_person_noun("comedian"), is_person_noun("podcast")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["ACCUSING_VERBS", "AGENT_NOUNS", "AGENT_SUFFIXES", "CHOSEN_NOUNS", "COMPOUND_PERSON_NOUNS", "GROUP_HEADS",
           "GROUP_SYNONYMS", "HARM_VERBS", "KIND_NOUNS", "NAME_KIND_HEADS", "NEAR_SYNONYMS", "NEWS_WORDS",
           "NOT_AGENT", "NOUN_GENDER", "ORDINALS", "PERSON_NOUNS", "PERSON_ROLES", "ROLE_SYNONYMS",
           "THING_COMPOUNDS", "THING_SYNONYMS", "agent_noun_form", "is_person_noun", "listed_person_noun",
           "near_synonyms", "sub_kinds", "thing_synonyms"]

#: Words that make a name a news outlet ("Marbury Herald", "Tellport News Agency"): extraction types such names,
#: ingest reads the outlet of a byline with them (kg.ingest.furniture).
NEWS_WORDS = frozenset(
    """news times herald post journal press tribune gazette telegraph guardian daily weekly television tv radio
    broadcasting broadcaster media chronicle observer mirror magazine newspaper outlet channel wire bulletin
    dispatch""".split()
)
#: A name ending in one of these names a group, whatever its type says ("Obama administration").
GROUP_HEADS = frozenset("""administration team government regime campaign family office ministry department party
    staff camp cabinet foundation company group""".split())
#: Last words that make a name an organisation's or a service's, not a person's, whatever the tagger typed it
#: ("Dallow Fire", "Tellport Public Safety", "Osland Bible Church"): its first word alone is the place it serves
#: ("in Dallow"), no short form of it, and its last word is a common noun, no surname ("the fire"), though the kind
#: word alone may name it ("the Church"). Words that are also common surnames ("Court", "Bank") are left out.
#: Extraction (the in-article short names, kg.extract.entities) and resolve (rule 4) both read it.
NAME_KIND_HEADS = GROUP_HEADS | frozenset("""police fire rescue safety service services church school academy
    college university institute hospital council committee commission agency authority bureau association
    society league board corporation""".split())
#: The person nouns below (:data:`PERSON_ROLES`, :data:`PERSON_NOUNS`, :data:`AGENT_NOUNS`,
#: :data:`COMPOUND_PERSON_NOUNS`) are written from general English, never from the errors of a benchmark, by the
#: news domains reports are written in: offices and officials, military and police ranks, crime and justice, sports
#: positions and roles, entertainment and media, religion, health, trades and professions, family and social ties.
#: The rule for a word: its ordinary sense in news prose is a person. Left out, deciding conservatively: a word
#: whose common news sense is also a thing, an act, a quality or a body ("ace" a serve, "closer" a comparative,
#: "tackle", "end", "safety", "center", "model", "speaker" a loudspeaker, "trainer" a shoe, "starter", "reliever"
#: of pain, "cardinal" a team, "private", "major", "principal" a sum, "parent" a parent company, "cleaner",
#: "client" a program, "developer", "contractor", "dealer", "broker", "publisher", "broadcaster", "sponsor",
#: "donor", "shareholder", "customer", "opponent" and "rival", which are as often companies, teams or states; "viewer" and
#: "reader", which in technology news are programs and devices, "a PDF viewer", "Adobe Reader"); a word that is
#: also a common English surname or given name ("butler", "carpenter", "mason", "porter", "baker", "cook",
#: "hooker", "fielder", "guest", "earl", "duke", "baron", "shah", "emir", "sultan", "pastor"), since a lone
#: capitalised name lowercases to it and a title word leading a name is taken off it
#: (``kg.extract.entities._title_before_name``); and a word kept apart by another list (:data:`CHOSEN_NOUNS`). A noun
#: "guard" stays, its person sense dominating in news ("a guard", "the point guard"); its thing compounds are
#: listed in :data:`THING_COMPOUNDS`. A word the suffix guess of :func:`is_person_noun` already reads
#: ("receptionist", "lineman") is not listed: the resolver's rules that read only listed words (deeds, role-word
#: records) are left as they were for it (measured: listing "receptionist" joined one to a named person by
#: deeds, benchmarks/RESULTS.md). Officer abbreviations other than "ceo" ("cto", "cfo") are left out: written
#: between a firm's name and a person's ("Tellnet CTO Dana Kirk") a listed one is taken for a title inside the
#: name (measured: it split a firm's mentions, benchmarks/RESULTS.md). Offices, titles and ties to others go to :data:`PERSON_ROLES`, what a person
#: does or undergoes to :data:`AGENT_NOUNS` (the resolver reads the difference, ``kg.resolve.entities._deed_noun``).
#:
#: Nouns naming what a person is or does: in an apposition or a title they make a person.
PERSON_ROLES = frozenset(
    """leader president minister premier chancellor secretary spokesman spokeswoman spokesperson official
    scholar researcher professor analyst expert economist scientist director chairman chairwoman chair ceo
    founder head chief commander general colonel lieutenant captain sergeant admiral marshal ambassador envoy
    diplomat governor mayor senator lawmaker legislator congressman congresswoman mp representative judge
    lawyer attorney prosecutor author writer journalist reporter editor correspondent columnist photographer
    artist actor actress singer musician player coach manager officer adviser advisor aide assistant student
    teacher doctor nurse activist campaigner candidate king queen prince princess emperor dictator monarch
    pope bishop priest cleric imam rabbi daughter son wife husband sister brother mother father uncle aunt
    cousin widow widower grandson granddaughter grandfather grandmother visitor resident victim witness
    survivor soldier fellow citizen dean lecturer historian engineer executive owner chef farmer pilot
    strategist negotiator commentator presenter host anchor blogger founder-director vice-president deputy
    counsellor councillor councilor inspector commissioner superintendent warden detective sheriff striker
    goalkeeper midfielder defender forward batsman bowler jockey cyclist athlete runner boxer
    treasurer comptroller registrar delegate consul attaché attache emissary envoy viceroy
    tsar czar duchess baroness dame countess monarch
    councilmember bureaucrat magistrate coroner bailiff clerk solicitor barrister juror notary executor
    corporal brigadier commodore cadet paratrooper sniper
    vicar deacon archbishop chaplain monk nun friar abbot preacher ayatollah mullah patriarch reverend
    headmaster headmistress headteacher tutor pupil schoolboy schoolgirl undergraduate graduate alumnus alumna
    stepfather stepmother stepson stepdaughter stepbrother stepsister grandparent grandchild grandpa grandma granny
    granddad sibling godfather godmother godson goddaughter fiance bride groom mistress lover
    roommate flatmate housemate classmate schoolmate teammate companion heir descendant ancestor
    landlord landlady tenant""".split()
)
#: Nouns for a person that name no role ("the man", "the star"): any salient person of their gender.
PERSON_NOUNS = frozenset("""man woman person boy girl guy lady gentleman star celebrity teenager teen youngster
    individual child kid youth superstar icon legend veteran newcomer""".split())
#: Nouns for what a person does or undergoes that name no office ("the comedian", "the driver", "the suspect").
AGENT_NOUNS = frozenset("""comedian comic host emcee presenter climber mountaineer hiker skier swimmer surfer diver
    driver motorist pedestrian cyclist passenger rider suspect gunman shooter killer murderer attacker assailant
    robber thief burglar kidnapper hijacker bomber accountant employee worker staffer employer colleague co-worker
    agent trustee
    neurosurgeon surgeon physician doc dentist nominee appointee candidate contender frontrunner
    winner loser champion player receiver quarterback linebacker guard fullback halfback rookie
    singer rapper dancer performer entertainer filmmaker producer novelist poet painter designer
    businessman businesswoman entrepreneur tycoon billionaire millionaire banker investor trader
    pilot sailor fisherman crewman crew-member captain skipper commando marine trooper policeman policewoman cop
    detainee prisoner inmate convict defendant plaintiff accused hostage captive refugee migrant immigrant
    patient victim casualty survivor witness bystander neighbour neighbor friend relative spouse partner
    girlfriend boyfriend fiancé fiancee fiancée nephew niece grandmother grandfather mom mum dad
    father-in-law mother-in-law brother-in-law sister-in-law daughter-in-law son-in-law
    resident native citizen official spokesperson personality starlet heiress socialite mogul fugitive
    escapee offender molester lifer paramedic medic firefighter rescuer toddler infant baby
    pitcher catcher shortstop infielder outfielder slugger hitter batter umpire referee
    cornerback tailback kicker punter placekicker winger flanker goalie goaltender netminder keeper
    all-rounder sprinter hurdler marathoner skater golfer caddie wrestler fighter racer gymnast rower fencer
    all-star
    boss mobster mafioso gangster capo consigliere kingpin ringleader mastermind accomplice informant informer
    smuggler trafficker looter vandal stalker abuser fraudster swindler embezzler hacker poacher felon criminal
    complainant accuser parolee militant insurgent rebel guerrilla mercenary warlord spy operative recruit
    conscript deserter
    midwife caregiver carer outpatient addict smoker drinker vet
    screenwriter playwright composer conductor drummer songwriter dj newsreader pundit
    critic reviewer vlogger influencer supermodel diva crooner rocker choreographer animator illustrator sculptor
    narrator storyteller contestant heartthrob paparazzo
    missionary pilgrim worshipper worshiper parishioner congregant martyr believer devotee disciple
    plumber mechanic welder miner labourer laborer architect surveyor nanny maid housekeeper caretaker janitor
    chauffeur cabbie cashier waiter waitress bartender rancher lumberjack lifeguard bouncer
    translator interpreter consultant programmer inventor astronaut cosmonaut copilot attendant
    steward stewardess trucker apprentice trainee intern volunteer servant magnate proprietor landowner
    supervisor administrator liquidator
    adult adolescent newborn orphan pensioner retiree stranger acquaintance voter taxpayer consumer
    shopper traveller traveler commuter homeowner householder expat emigrant evacuee seeker
    protester protestor demonstrator rioter picketer marcher supporter fan spectator listener subscriber""".split())
#: Two-word person nouns whose last word alone names no person ("the running back", "a tight end"): chiefly
#: sports positions. A phrase of several words is otherwise read by its last word (:func:`is_person_noun`).
COMPOUND_PERSON_NOUNS = frozenset(line.strip() for line in """
    running back
    tight end
    defensive end
    defensive back
    offensive tackle
    defensive tackle
    nose tackle
    free safety
    strong safety
    right back
    left back
    centre back
    center back
    wing back
    fly half
    scrum half
    centre half
    first lady
    center fielder
    centre fielder
    left fielder
    right fielder
""".strip().splitlines())
#: Phrases whose last word is a person noun but which name a thing or a body ("a record player", "the National
#: Guard", "the web host"): :func:`is_person_noun` does not read them by their last word.
THING_COMPOUNDS = frozenset(line.strip() for line in """
    record player
    cd player
    dvd player
    media player
    music player
    mp3 player
    flash player
    video player
    device driver
    printer driver
    pile driver
    screw driver
    coast guard
    national guard
    old guard
    honor guard
    honour guard
    home guard
    republican guard
    revolutionary guard
    shin guard
    mouth guard
    radio receiver
    satellite receiver
    semi conductor
    jet fighter
    stealth fighter
    ceiling fan
    electric fan
    heat seeker
    auto pilot
    web host
    north star
    shooting star
    gold star
    death star
    lone star
""".strip().splitlines())
#: Verbs whose object (or passive subject) a text treats as the one accused of a deed ("police arrested Tom Vale",
#: "Vale was charged with murder"): read by the extractor's within-article links and by resolve's rule 11d.
ACCUSING_VERBS = frozenset("""arrest charge accuse detain apprehend book jail convict indict sentence capture nab
    catch suspect""".split())
#: Verbs of harm done to a person ("she was struck", "shot a guard"): the extractor's within-article links read their
#: object (or passive subject) as someone harmed, and resolve reads who suffered one from a doer as a participant
#: of one event, not any person (its rules 11 to 11c).
HARM_VERBS = frozenset("""hit strike kill shoot stab injure wound hurt murder attack assault slay beat""".split())
#: Ordinals that count one more of a kind just counted ("two killed and a third hurt", "a third co-worker"), in
#: order from "second": the extractor's elided ordinals and resolve's ordinal persons (rule 11e) read them.
ORDINALS = tuple("second third fourth fifth sixth seventh eighth ninth tenth".split())
#: Near-synonyms a news text alternates for one referent so as not to repeat a word ("a gunman ... the
#: shooter", "pirates ... the brigands", "police ... investigators"): a definite description with one of
#: these heads may take an entity first described with another word of its class.
NEAR_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset("""gunman shooter attacker assailant killer murderer perpetrator culprit suspect pirate bandit
        brigand raider hijacker kidnapper abductor robber burglar thief intruder""".split()),
    frozenset("police cop policeman policewoman investigator detective".split()),
    frozenset("driver motorist".split()),
    frozenset("climber mountaineer alpinist".split()),
)
#: Nouns for the one chosen, hired or put in another's place, with the verb whose object they denote ("the
#: choice" is whom someone chose, "the successor" whom someone was succeeded by). They name a person only through
#: that act, so they are no person nouns: "a good choice" may be a plan, "the pick" a draft slot.
CHOSEN_NOUNS = {"choice": "choose", "pick": "pick", "selection": "select", "nominee": "nominate",
                "appointee": "appoint", "designee": "designate", "hire": "hire", "draftee": "draft",
                "replacement": "replace", "successor": "succeed"}
#: Words for one role that mean the same, a title and its abbreviation or short form ("the CEO" / "the chief
#: executive officer", "the doctor" / "the physician" / "the doc"): unlike :data:`NEAR_SYNONYMS`, not words a text
#: alternates for any one referent of a kind, so only the resolver reads them, to find the one person called by
#: the role (``kg.resolve.entities``: the description rule, and the head rule across reports, "the suspected gang
#: boss" / "a suspected gang leader"). No kind and its sub-kinds ("surgeon" is a doctor, not every doctor).
ROLE_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"ceo", "chief executive", "chief executive officer"}),
    frozenset({"doctor", "physician", "doc"}),
    frozenset({"boss", "leader"}),
)
PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person")
NOT_PERSON = frozenset({"list", "checklist", "playlist", "shortlist", "blacklist", "wishlist", "wrist", "mist",
                         "twist", "fist", "gist", "heist", "median", "meridian", "human", "german", "roman", "ottoman",
                         "talisman", "caiman"})
#: The gender a person noun implies ("the actress" is no man).
NOUN_GENDER = {
    **{w: "m" for w in """man boy guy gentleman actor king prince father husband son brother uncle nephew
       grandfather grandson spokesman chairman congressman businessman sportsman policeman widower dad
       boyfriend fiancé gunman englishman frenchman irishman scotsman dutchman fisherman fiance groom
       tsar czar monk friar abbot headmaster waiter steward schoolboy alumnus
       stepfather stepson stepbrother godfather godson granddad grandpa""".split()},
    **{w: "f" for w in """woman girl lady actress queen princess mother wife daughter sister aunt niece
       grandmother granddaughter spokeswoman chairwoman congresswoman businesswoman sportswoman policewoman
       widow mom mum girlfriend fiancée fiancee englishwoman frenchwoman bride duchess baroness dame countess nun
       mistress landlady headmistress waitress stewardess schoolgirl alumna heiress stepmother stepdaughter
       stepsister godmother goddaughter grandma granny""".split()},
}
#: Endings of English agent nouns, who does what a verb says ("challenger", "trainer", "dispatcher", "instructor").
AGENT_SUFFIXES = ("er", "or")
#: Common news nouns in -er / -or that name no person: things and devices ("computer", "container", "monitor"),
#: abstract nouns ("number", "order", "error", "honor"), and the agent nouns news English uses chiefly for a firm
#: or a machine ("provider", "insurer", "carrier", "printer", "generator"); and comparatives a parser may take
#: for a head ("trimmer", "bigger").
NOT_AGENT = frozenset("""
    computer container printer scanner trailer answer chapter corner border center centre character charter cluster
    cylinder danger dinner disaster encounter finger filter folder gender header helicopter hunger ladder laser layer
    leather letter liter litre lever manner matter meter metre monster murder number offer order paper pepper poster
    powder power quarter register river rubber shelter shoulder silver soccer summer supper thunder tiger timber
    tower transfer trigger water weather winter wonder banner barrier blender blister blockbuster boulder bumper
    burger buzzer caliber calibre canister chamber cider clover copper cover cracker crater diaper diameter dumpster
    feather fever fiber fibre flower freezer fender gutter hamburger hammer hanger heater ledger lighter liner locker
    lumber marker mixer newsletter oyster parameter plaster platter remainder reminder roster rudder shower slipper
    sneaker spider sticker sweater thriller toaster tumbler voucher washer whisper wrapper cancer beer deer career
    motor monitor factor sector error floor door mirror terror horror honor honour labor labour humor humour color
    colour favor favour vapor vapour harbor harbour flavor flavour behavior behaviour tractor reactor elevator
    escalator generator radiator indicator calculator refrigerator ventilator vector tumor tumour armor armour rumor
    rumour corridor equator meteor interior exterior minor major manor valor valour vigor vigour odor odour liquor
    splendor tenor processor detector compressor accelerator incubator simulator projector transistor sensor
    alligator predator rotor razor
    provider insurer lender retailer supplier manufacturer carrier distributor exporter importer automaker carmaker
    drugmaker chipmaker coffeemaker broadcaster publisher regulator operator wholesaler reseller
    trimmer bigger smaller larger longer higher lower greater better
    """.split())


def agent_noun_form(word: str) -> bool:
    """Is ``word`` shaped like an agent noun, one who does what a verb says ("challenger", "dispatcher",
    "instructor", "watchmaker"), and none of the common -er / -or words for a thing (:data:`NOT_AGENT`)?

    Why: the person lists (:data:`PERSON_ROLES`, :data:`AGENT_NOUNS`) cannot hold every agent noun a report uses for
    its person ("the mandatory challenger", "a 911 dispatcher", "the pastor"); the ending says it. A guess by ending
    only, so it is not part of :func:`is_person_noun`, which many rules read as a sure person noun: a caller that
    asks whether a noun may name a person reads both (the resolver's rule 8).

    >>> agent_noun_form("challenger"), agent_noun_form("instructor"), agent_noun_form("computer"), agent_noun_form("round")
    (True, True, False, False)
    """
    word = word.lower()
    return len(word) > 5 and word.isalpha() and word.endswith(AGENT_SUFFIXES) and word not in NOT_AGENT


@lru_cache(maxsize=1 << 16)  # (pure; resolve asks it of the same heads some 150k times a corpus)
def is_person_noun(lemma: str) -> bool:
    """Does the common noun ``lemma`` denote a person ("the coach", "the comedian", "the gunman")?

    A phrase of several words, or a hyphenated one, is read by its head, the last word: "chief executive",
    "attorney general", "first baseman", "ex-wife", "co-founder", "secretary-general" are people, but only when
    that word is a person noun and the phrase is no thing (:data:`THING_COMPOUNDS`, or one opened by a number,
    "five-star", "two-man"); two-word positions whose last word alone is none are listed
    (:data:`COMPOUND_PERSON_NOUNS`, "running back").

    >>> is_person_noun("comedian"), is_person_noun("gunman"), is_person_noun("checklist"), is_person_noun("boat")
    (True, True, False, False)
    >>> is_person_noun("chief executive"), is_person_noun("running back"), is_person_noun("record player")
    (True, True, False)
    """
    lemma = lemma.lower().strip()
    if listed_person_noun(lemma) or lemma in COMPOUND_PERSON_NOUNS:  # listed NEAR_SYNONYMS too: "the brigands", "the culprit"
        return True
    parts = lemma.replace("-", " ").split()
    if len(parts) > 1:
        return " ".join(parts) not in THING_COMPOUNDS and not _number_word(parts[0]) and is_person_noun(parts[-1])
    return lemma not in NOT_PERSON and len(lemma) > 4 and lemma.endswith(PERSON_SUFFIXES) and lemma.isalpha()


#: Every word of a :data:`NEAR_SYNONYMS` class, for one set lookup instead of one per class.
_NEAR_SYNONYM_WORDS = frozenset().union(*NEAR_SYNONYMS)


def listed_person_noun(word: str, *, forces: bool = False) -> bool:
    """Is ``word`` in one of the lists of person nouns (no suffix guess)? With ``forces``, a body of people
    listed among them counts too ("police", of the police class of :data:`NEAR_SYNONYMS`).

    >>> listed_person_noun("cop"), listed_person_noun("police"), listed_person_noun("police", forces=True)
    (True, False, True)
    """
    return word in PERSON_ROLES or word in PERSON_NOUNS or word in AGENT_NOUNS or word in NOUN_GENDER or \
        ((forces or word != "police") and word in _NEAR_SYNONYM_WORDS)


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand".split())


def _number_word(word: str) -> bool:
    """``word`` counts ("five" of "five-star", "2" of "2-star"): a phrase it opens is a rank or size, no person.

    >>> _number_word("five"), _number_word("3"), _number_word("first"), _number_word("ex")
    (True, True, False, False)
    """
    return word.isdigit() or word in _NUMBER_WORDS


def near_synonyms(a: str, b: str) -> bool:
    """May descriptions headed by lemmas ``a`` and ``b`` name one referent (the same noun, or one class of
    :data:`NEAR_SYNONYMS`)?

    >>> near_synonyms("gunman", "shooter"), near_synonyms("pirate", "brigand"), near_synonyms("driver", "victim")
    (True, True, False)
    """
    a, b = a.lower(), b.lower()
    return a == b or any(a in group and b in group for group in NEAR_SYNONYMS)


#: Heads for one crowd or body of people that reports of one story alternate, read only by the resolver across
#: reports (within an article the extractor keeps to :data:`NEAR_SYNONYMS`): "the protesters" of one report are
#: "the demonstrators" or "rioters" of the next, "authorities said" is "officials said", the "users" a flaw puts at
#: risk are the maker's "customers" or "subscribers" of the next report (a service's users are its customers in news
#: prose). As in the police class, a singular person noun of a class ("an official") names one member, not the
#: body (``kg.resolve.entities._head_key``).
GROUP_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset("protester protestor demonstrator rioter".split()),
    frozenset("authority official".split()),
    frozenset("user customer subscriber".split()),
)


#: Near-synonyms for things and places that a report alternates for one referent, or that two reports of one
#: event choose between ("the car" / "the vehicle", "the quake" / "the tremor", "the blaze" / "the fire", "the
#: patch" / "the update"), kept apart from :data:`NEAR_SYNONYMS` because those make a person. The resolver's head
#: rule counts the heads of one class as one head, under the same clash check (``kg.resolve.entities._head_key``).
#:
#: The principle, for every class: written from general English (what a thesaurus gives), never from the errors of
#: a benchmark, and grouped by the news domains reports are written in. A class holds only words a general
#: thesaurus gives as interchangeable for ONE referent in news prose, so that either can replace the other in a
#: report of the same event: true near-synonyms, never a kind and its sub-kinds ("boat" / "skiff", "weapon" /
#: "rifle", "road" / "highway", "accident" / "crash"), never a thing and its parts or its result ("the shooting" /
#: "the gunfire"), and no word whose common other sense in news is something else ("craft", "summit", "arm",
#: "site", "shot", "fault", "strike", "home", "coach", "march", "round", "operation", "game"). (A word may still
#: have a rarer other sense, "peak" a maximum, "the peak of the season": the head rule keys by a class only a
#: description that ends with its head noun, "the highest peak".) A word is in at most one class of this and the
#: other synonym lists. The one accepted kind-and-kind pair is "car" / "vehicle", as news prose uses them for one
#: referent; "plane" / "aircraft" and "company" / "firm" are of the same sort. Left out although synonyms: nouns
#: for a person's condition ("disease" / "illness"), as one person has several ("kidney disease", "a terminal
#: illness") and the head rule would make them one (measured: it joined two conditions, benchmarks/RESULTS.md).
#: "bug" / "loophole" are in the flaw class (their other senses, "a stomach bug", "a bug in the embassy", are a risk
#: only in a story that also has a flaw). "line" stays out of a cable class although telephone news uses it so: most
#: of its senses in news ("the front line", "a line of police", "the party line", "a phone line" that is a service)
#: are no cable; "hole" stays out, as a hole in a hull, a wall or the ground is no flaw.
THING_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(line.split()) for line in """
    earthquake quake tremor temblor
    fire blaze inferno
    explosion blast detonation
    flood flooding deluge inundation
    landslide landslip
    avalanche snowslide
    storm tempest
    crash collision wreck smash
    wreckage debris rubble
    outage blackout
    robbery heist holdup stickup
    theft larceny
    murder killing homicide slaying
    kidnapping abduction
    attack assault
    loot haul booty plunder
    gun firearm
    handgun pistol
    investigation probe inquiry enquiry
    allegation accusation
    lawsuit suit litigation
    ruling judgment judgement
    prison jail penitentiary gaol
    war conflict
    clash skirmish
    ceasefire truce armistice
    uprising revolt rebellion insurrection
    coup putsch
    missile rocket
    agreement accord pact deal treaty
    referendum plebiscite
    vote ballot
    law statute legislation
    ban prohibition
    tax levy
    protest demonstration
    poll survey
    company firm corporation
    acquisition takeover buyout
    profit earnings
    revenue turnover
    money cash
    fine penalty
    layoff redundancy
    bankruptcy insolvency
    recession downturn slump
    salary wage pay
    factory plant
    headquarters hq
    patch update fix hotfix
    flaw vulnerability defect bug loophole
    glitch malfunction
    computer pc
    phone telephone handset cellphone
    app application
    website web-site
    email e-mail
    processor chip cpu microprocessor
    device gadget
    outbreak epidemic
    drug medication medicine
    vaccine jab
    injury wound
    treatment therapy
    hospital infirmary
    car vehicle automobile
    truck lorry
    plane aircraft airplane aeroplane airliner jet
    helicopter chopper
    ship vessel
    railway railroad
    highway freeway motorway expressway
    bicycle bike
    motorcycle motorbike
    subway metro
    building edifice
    house residence dwelling
    apartment flat
    store shop boutique
    restaurant eatery
    warehouse storehouse
    pub tavern
    mine colliery
    stadium arena
    match fixture
    fight bout
    victory win triumph
    tournament championship
    racket racquet
    film movie
    photo photograph snapshot
    video footage
    song tune
    advertisement advert ad commercial
    memo memorandum
    award prize
    concert gig
    mountain peak
    island isle
    forest woodland
    border frontier
""".strip().splitlines())


def thing_synonyms(head: str) -> frozenset[str]:
    """The head nouns that may name the same thing or place as ``head`` (itself included).

    >>> sorted(thing_synonyms("peak")), sorted(thing_synonyms("vessel")), sorted(thing_synonyms("river"))
    (['mountain', 'peak'], ['ship', 'vessel'], ['river'])
    """
    head = head.lower()
    return _THING_SYNONYMS_OF.get(head) or frozenset({head})


#: Head noun -> its group of :data:`THING_SYNONYMS` (the first that holds it), so :func:`thing_synonyms` is a
#: look-up: the resolver asks it of every description, pass by pass, and a scan of the groups was a tenth of its
#: rule 8 (benchmarks/RESULTS.md, spd24b).
_THING_SYNONYMS_OF = {word: group for group in reversed(THING_SYNONYMS) for word in group}  # (the first group wins)


#: Kind nouns of news things and their sub-kinds: a report names a thing by its sort ("a handgun", "the skiff", "a
#: van") and another report, or the next sentence, by its kind ("the weapon", "the boat", "the vehicle"). Unlike
#: :data:`THING_SYNONYMS` these are no near-synonyms: a story may hold a gun and a knife, both weapons, so the
#: resolver joins a kind noun to a sub-kind's thing only when that thing is the one thing of the kind that the
#: closest reports name (``kg.resolve.entities._join_kinds``), and only in the singular. Written from general English
#: (what a thesaurus gives as "types of"), by news domain, never from a benchmark's errors. Each key is a kind noun
#: (a word of its synonym class may stand for it); its values are nouns for sorts of it that news prose calls by the
#: kind. A value is a sub-kind of every word of the key's synonym class (a "van" is a vehicle but no car, so "van" is
#: no value of the class "car" / "vehicle": the kind noun "vehicle" is read alone). Left out: words whose common
#: other news sense is no such thing ("arm", "craft", "carrier", "cutter", "cruiser", "tank", "trailer", "pickup",
#: "plant", "fighter", "bomber", "tablet", "notebook", "home", "office", "bank", "bar", "cabin", "station"), and
#: sub-kinds of another news sense of the kind noun ("device": a bomb is an "explosive device", so only gadgets are
#: devices here).
KIND_NOUNS: dict[str, frozenset[str]] = {kind: frozenset(words.split()) for kind, words in {
    # weapons
    "weapon": """gun firearm handgun pistol revolver rifle shotgun carbine musket knife dagger machete sword bayonet
        axe hatchet crossbow bomb grenade""",
    "gun": "handgun pistol revolver rifle shotgun carbine musket",
    "firearm": "handgun pistol revolver rifle shotgun carbine musket",
    # vehicles
    "vehicle": """car automobile van minivan truck lorry suv jeep bus minibus taxi cab sedan limousine limo
        motorcycle motorbike scooter tractor ambulance hearse bulldozer""",
    "car": "sedan coupe hatchback convertible limousine limo taxi cab roadster",
    # vessels
    "vessel": """tanker supertanker freighter warship frigate destroyer liner trawler ferry
        steamer schooner galleon""",
    "ship": """tanker supertanker freighter warship frigate destroyer liner trawler ferry
        steamer schooner galleon""",
    "boat": """skiff dinghy speedboat lifeboat canoe kayak sailboat gunboat rowboat motorboat tugboat dhow yacht
        catamaran""",
    # aircraft
    "aircraft": "jetliner seaplane warplane biplane",
    # devices
    "device": "phone telephone handset cellphone smartphone laptop computer pc camera console router modem smartwatch",
    "gadget": "phone telephone handset cellphone smartphone laptop computer pc camera console smartwatch",
    # buildings
    "building": """house store shop boutique supermarket warehouse factory church mosque synagogue temple cathedral
        chapel school hospital clinic hotel motel restaurant pub tavern mall theater theatre cinema museum
        library gym stadium arena prison jail courthouse embassy consulate palace castle barracks tower skyscraper
        mansion cottage bungalow barn garage shed""",
    "structure": """house store shop warehouse factory church school hospital hotel tower skyscraper barn garage
        shed bridge dam""",
}.items()}


def sub_kinds(head: str) -> frozenset[str]:
    """The sub-kind nouns of the kind noun ``head`` (:data:`KIND_NOUNS`), the sub-kinds of those included, and of
    the kind's own sub-kinds' sub-kinds: a "revolver" is a gun and so a weapon. Empty for a noun that is no kind.

    >>> sorted(sub_kinds("gun"))[:3], "revolver" in sub_kinds("weapon"), sub_kinds("river")
    (['carbine', 'handgun', 'musket'], True, frozenset())
    """
    found: set[str] = set()
    todo = [head.lower()]
    while todo:
        for word in KIND_NOUNS.get(todo.pop(), ()):
            if word not in found:
                found.add(word)
                todo.append(word)
    return frozenset(found)
