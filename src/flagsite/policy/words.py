"""Built-in word lists. Repositories add to them in ``flagsite.yaml`` (policy settings).

Lists are kept where a library has nothing better: text-speak and profanity
are closed sets; spelling and the valence of judging words come from
pyspellchecker and VADER's lexicon (see lexicon.py).
"""

from __future__ import annotations

# The days of the week as a pattern's alternation: several rules ask "on (?:{WEEKDAYS})", "every (?:{WEEKDAYS})".
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# Verbs whose past tense does not end in -ed: what a name opening a sentence did ("Marek fell off",
# "Zofia lost a glove") reads as a name before its verb, as "Bisky chewed" does.
IRREGULAR_PASTS: frozenset[str] = frozenset(
    """ate awoke bore beat became began bent bit bled blew broke bred brought built burnt burst bought caught chose
    clung came cost crept cut dealt dug dived dove drew dreamt drank drove fell fed felt fought found fled flung flew
    forbade forgot forgave froze got gave went ground grew hung had heard hid hit held hurt kept knelt knew laid led
    leant leapt learnt left lent let lay lit lost made meant met paid put quit read rode rang rose ran said saw sought
    sold sent set shook shed shone shot showed shrank shut sang sank sat slept slid slung spoke sped spent spilt spun
    spat split spread sprang stood stole stuck stung stank strode struck swore swept swam swung took taught tore told
    thought threw trod understood woke wore wove wept won wound wrote""".split()
)

# Text-speak and slang, with what to write instead. Only forms that are never
# standard English words: "u" is here, "ok" is not (the seed itself writes OK).
SLANG: dict[str, str] = {
    "cuz": "because", "coz": "because", "cos": "because", "bcuz": "because", "bcoz": "because", "cus": "because",
    "bc": "because", "b/c": "because", "u": "you", "ur": "your", "r": "are", "y": "why", "pls": "please",
    "plz": "please", "thx": "thanks", "thnx": "thanks", "ty": "thank you", "lol": "(remove it)", "lmao": "(remove it)",
    "omg": "(remove it)", "idk": "does not know", "dunno": "does not know", "imo": "(remove it: opinion)",
    "tbh": "(remove it)", "btw": "also", "gonna": "going to", "wanna": "wants to", "gotta": "has to",
    "kinda": "somewhat", "sorta": "somewhat", "ya": "yes", "yeah": "yes", "yep": "yes", "yup": "yes",
    "nope": "no", "nah": "no", "tho": "though", "thru": "through", "b4": "before", "2day": "today",
    "2moro": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "2night": "tonight", "gr8": "great", "msg": "message",
    "convo": "conversation", "cuppa": "(remove it)", "dude": "(the contact's name)", "bloke": "man",
    "ain't": "is not", "innit": "(remove it)", "lemme": "let me", "gimme": "give me", "wassup": "(remove it)",
    "sup": "(remove it)", "k": "OK", "kk": "OK", "np": "no problem", "w/e": "whatever", "ppl": "people",
    "becuz": "because", "cust": "customer", "shud": "should", "wud": "would", "sed": "said", "l8": "late", "l8r": "later",
    "smh": "(remove it)", "idc": "(remove it)", "tix": "tickets", "prob": "probably", "probs": "probably",
    "meds": "medication", "sry": "sorry", "ig": "I guess", "rn": "right now",
    "tbf": "(remove it)", "ngl": "(remove it)", "txt": "text", "txted": "texted", "txting": "texting", "2nite": "tonight",
    "tonite": "tonight", "abt": "about", "wrt": "about",
    # Initialisms of chat, typed in lower case: "lmk if she needs it", "iirc he paid in May", "nvm the last note".
    "lmk": "let (us) know", "hmu": "contact (us)", "nvm": "(remove it)", "iirc": "(check and state it)",
    "afaik": "(check and state it)", "imho": "(remove it: opinion)", "fwiw": "(remove it)", "ikr": "(remove it)",
    "jk": "(remove it)", "tysm": "thank you", "tyvm": "thank you", "ofc": "of course", "obvs": "obviously",
    "omw": "on my way", "gtg": "(remove it)", "rofl": "(remove it)", "irl": "in person",
    # Informal contractions in -a, as spoken ("outta warranty", "a lotta calls"), and common words cut to two
    # consonants ("rang him bk", "looks gd").
    "outta": "out of", "lotta": "lot of", "coulda": "could have", "woulda": "would have", "shoulda": "should have",
    "musta": "must have", "hafta": "have to", "oughta": "ought to", "tryna": "trying to", "gotcha": "understood",
    "bk": "back", "gd": "good",
    # Sign-offs in text-speak, and an app's name clipped as it is spoken ("tagged her on insta").
    "cya": "see you", "ttyl": "talk later", "ttfn": "goodbye", "brb": "(remove it)", "insta": "Instagram",
    # Australian clippings in -o and -ie: "had a look this arvo".
    "arvo": "afternoon", "smoko": "break", "brekkie": "breakfast", "brekky": "breakfast",
    # Spellings as spoken ("wiv it", "wot", "nuffink"), and "ta" for thanks.
    "wiv": "with", "wot": "what", "nuffink": "nothing", "nuffin": "nothing", "sumfin": "something", "ta": "thanks",
    "sez": "says", "defo": "definitely", "deffo": "definitely", "chk": "check",
    # Contractions written without their apostrophe (not "cant", "wont", "well": words of their own).
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not", "wasnt": "was not",
    "werent": "were not", "arent": "are not", "couldnt": "could not", "wouldnt": "would not",
    "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "shes": "she is", "hes": "he is",
    "thats": "that is", "theyre": "they are", "youre": "you are", "ive": "I have", "theyve": "they have",
}

# Derogatory or profane words and phrases: never acceptable in a record.
DEROGATORY: tuple[str, ...] = (
    "crap", "crappy", "shit", "shite", "shitty", "bullshit", "damn", "damned", "goddamn", "hell", "fuck", "fucking",
    "fucked", "wtf", "stfu", "ffs", "piss", "pissed", "pissed off", "bitch", "bitchy", "bastard", "ass",
    "asshole", "arse", "arsehole", "douche", "douchebag", "jerk", "idiot", "idiotic", "moron",
    "moronic", "stupid", "dumb", "imbecile", "retard", "retarded", "cretin", "loser", "scumbag", "scum",
    "creepy", "psycho", "nutjob", "nutcase", "lunatic", "crazy", "insane", "freak", "weirdo",
    "whiner", "whiny", "whinge", "whinger", "karen", "hag", "sucks", "sucked", "is a pain", "was a pain",
    "being a pain", "such a pain", "a real pain", "absolute pain", "total pain", "right pain", "royal pain",
    # (Pain in the neck or the back may be a symptom: only the idiom's crude forms, or "a pain in the neck", insult.)
    "pain in the arse", "pain in the ass", "pain in the butt", "pain in the backside", "a pain in the neck", "nightmare customer", "habitual offender",
    "troublemaker", "deadbeat", "cheapskate", "grifter", "muppet", "twat", "prick", "tosser", "wanker",
    "bollocks", "screwed up", "pathetic",
    # British and American insults for a person, and words said to silence one.
    "twit", "yob", "yobbo", "scrounger", "crook", "a cowboy", "cowboy builder", "prat", "plonker",
    "pillock", "bugger", "fool", "old git", "miserable git", "stupid git", "silly git", "old bat", "old bag", "old cow", "silly cow",
    "stupid cow", "useless cow", "lazy cow", "old misery", "misery guts", "shut up", "shut her up",
    "shut him up", "shut them up", "jumped-up", "waste of space", "time-waster", "timewaster", "brat",
    "son of a bitch", "sob", "a complete tool", "a total tool", "an absolute tool", "cowboys",
    # Oaths that send someone away.
    "sod off", "naff off", "bog off", "get stuffed", "shove it",
)

# Oaths that are also verbs: each of their forms is profane ("bitching about the price", "pissed and moaned").
PROFANE_VERBS: tuple[str, ...] = ("bitch", "piss", "shit", "crap", "fuck", "bugger")

# Stand-ins written where the contact's name belongs.
PLACEHOLDER_NAMES: tuple[str, ...] = (
    "customer", "the customer", "cust", "ct", "cx", "caller", "the caller", "client", "the client", "unknown",
    "n/a", "na", "none", "nobody", "someone", "somebody", "anonymous", "anon", "account holder",
    "the account holder", "holder", "member", "user", "patron", "person", "contact", "mr", "mrs", "ms",
    "miss", "sir", "madam", "ma'am", "unnamed", "no name", "not given", "not provided", "did not say",
    "declined to give", "tbd", "tbc", "x", "xx", "xxx", "-", "?", "him", "her", "them", "he", "she",
)
# Titles written before a surname: "Mrs Penhaligon", "Reverend Penhaligon", "Cllr Amadi". Kin that
# are also titles ("Father", "Sister") are left out: before a surname they may name a relative.
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr doctor prof professor sir madam dame lord lady rev revd reverend pastor rabbi imam canon
    bishop cllr councillor capt captain major col colonel lt lieutenant sgt sergeant cmdr commander judge hon"""
    # The same titles in other languages and their short forms: "Mdm Tan", "Mme Dubois", "Sra. Gómez", "Herr Vogel".
    """ mdm mme mlle sra srta herr frau señora señor senora senor signora signor madame monsieur""".split()
)

# Titles that say whether a man or a woman is meant: a contact's title of the other sex from the
# title in the holder's record names someone else ("Mr R" on Mrs Jane Ross's account).
MEN_TITLES = frozenset("mr sir lord herr monsieur senor señor signor".split())
WOMEN_TITLES = frozenset("mrs ms miss madam dame lady mdm mme mlle sra srta frau senora señora signora madame".split())

# What a contact is, rather than who: a role, a relative or an office ("Tenant", "Carer", "School
# office", "IT Helpdesk"). A contact name ending in one of these, with nothing that reads as a
# name before it, names nobody.
ROLE_NAMES: frozenset[str] = frozenset(
    """tenant tenants landlord landlady carer carers caregiver guest guests neighbour neighbor reception
    receptionist office helpdesk desk team department dept shop store garage leader organiser organizer
    manager secretary assistant pa grandma grandmother grandad granddad grandpa grandfather granny nan nana
    gran nanna nonna nonno gramma grammy grampa gramps mummy mommy daddy mum mom mother dad father son daughter
    wife husband partner sister brother aunt uncle niece nephew
    cousin friend relative family nurse doctor gp worker solicitor lawyer attorney agent broker accountant
    employer employee colleague boss resident occupant lodger student parent guardian patient visitor staff
    school nursery surgery practice hospital bank council company firm courier driver engineer technician
    contractor adjuster operator dispatcher support service services centre center administrator admin
    line switchboard enquiries inquiries workshop warehouse depot branch dispatch accounts billing sales concierge
    porter caretaker janitor doorman security lender insurer surveyor executor trustee caseworker interpreter
    translator advocate kin"""
    # Occupations by trade, as a class: a contact written as a job names nobody. Words that are also
    # common first names or surnames (Dean, Mason, Hunter, Cooper, Baker, Walker) are left out.
    """ paralegal clerk barrister conveyancer notary registrar coroner chaplain vicar priest celebrant undertaker
    embalmer bailiff warden ranger steward stewardess chef cook waiter waitress barmaid bartender hostess valet
    nanny childminder babysitter tutor teacher headteacher headmaster headmistress lecturer professor instructor
    coach trainer physio physiotherapist therapist counsellor counselor midwife paramedic pharmacist dentist
    hygienist optician optometrist vet groomer cleaner gardener groundsman handyman plumber electrician builder
    roofer joiner carpenter decorator locksmith mechanic fitter installer valuer negotiator auctioneer
    bookkeeper housekeeper receptionist administrator coordinator co-ordinator supervisor director officer
    adviser advisor consultant specialist inspector assessor investigator paralegals underwriter cashier teller
    pharmacy dispensary postman postwoman foreman chaperone escort volunteer volunteers rep representative
    spokesperson liaison dispatcher bride groom owner proprietor occupier applicant claimant beneficiary buyer seller
    vendor purchaser landowner apprentice trainee intern locum marshal lifeguard referee umpire attendant
    tiler plasterer scaffolder bricklayer labourer laborer glazier welder upholsterer stonemason signwriter landscaper
    groundworker tradesman tradeswoman tradesperson tradie surveyor estimator draughtsman architect removalist
    barista sommelier croupier usher usherette stagehand choreographer hairdresser beautician manicurist
    seamstress dressmaker cobbler jeweller jeweler chauffeur cabbie haulier trucker dispenser technologist auditor actuary"""
    # Partners before or outside marriage: "Fiancée", "Hubby", "Spouse".
    """ fiance fiancé fiancee fiancée spouse hubby"""
    # Departments written where a name belongs ("Finance", "Accounts Payable"), and a charity's people.
    """ finance facilities payroll procurement purchasing legal compliance marketing operations maintenance housekeeping
    payable receivable donor supporter sponsor fundraiser""".split()
)

# Relations by family or friendship: whom a customer hands an account to, never whoever deals with them for us.
RELATIONS: frozenset[str] = frozenset(
    """mother father mum mom dad son daughter wife husband partner sister brother aunt uncle niece nephew cousin friend
    relative family child children kid kids grandson granddaughter grandchild grandchildren grandmother grandfather
    stepson stepdaughter fiance fiancé fiancee fiancée spouse neighbour neighbor""".split()
)

# Roles of the account's own party: a stand-in naming one may be the account holder ("Tenant",
# "Hirer", "Patient", "Account holder"), where any other role or relation names someone else.
ACCOUNT_PARTY_ROLES: frozenset[str] = frozenset(
    """customer client caller hirer tenant member patient owner holder guest resident occupant occupier user
    patron subscriber passenger traveller traveler diner visitor buyer purchaser applicant claimant borrower
    lessee renter leaseholder householder lodger student pupil learner supporter donor booker payer account
    cust ct cx""".split()
)
# The same roles as compounds: "Homeowner", "Policyholder", "Bill payer".
ACCOUNT_PARTY_ENDINGS = ("holder", "owner", "payer")

# Words of a resolution that, alone, do not say what was done: "Noted.", "Replied.", "Added to note."
EMPTY_RESOLUTION_WORDS: frozenset[str] = frozenset(
    """noted replied answered given told informed advised helped assisted done sorted actioned handled dealt
    resolved fixed completed closed logged recorded acknowledged explained checked confirmed ok okay fine yes
    no na n/a tbc tbd added note notes noted to the his her their them him with it this that as per and
    customer customers ct cx caller client query queries question questions request requests info information
    issue issues problem problems email emails call job all same before above below see accordingly sent emailed
    forwarded passed on"""
    # What a resolution says when it says nothing: "All good.", "As discussed.", "Followed process.", "Spoke to her."
    """ all good happy satisfied now process policy procedure requested discussed advice taken dusted look looked looking
    into spoke spoken talked followed gave per"""
    # Idioms of "done" that name nothing done: "Taken care of.", "Seen to.", "All set.", "Squared away."
    """ care of seen set squared away""".split()
)

# A longer resolution says nothing when it holds only these besides the words above: a verb of
# handling, solving or talking in any form ("took care of it", "got it solved", "chatted it through"),
# its object a pronoun or "everything", and a state of being fine ("she's good now", "should be ok").
EMPTY_RESOLUTION_CLAIMS: frozenset[str] = frozenset(
    """take takes took taking deal deals dealing sort sorts sorting solve solves solved solving fix fixes
    fixing get gets got getting gotten manage manages managed managing see sees saw seeing look looks
    chat chats chatted chatting talk talks talking discuss discussed discussing go goes went going gone
    spend spends spent had have has having a an while good long ok fine happy settled everything things thing whole
    stuff matter is was are were be should from here end in i we me us she he they she's he's they're
    it's that's i've we've him for about proper understands understood"""
    # Attending to something in any tense, the issue named only as such, a manner or a time: "Matter attended
    # to.", "I have dealt with her enquiry as appropriate.", "Already attended to.", "Reached out, all good now."
    """ attend attends attended attending addressed addressing process processed processing review reviewed
    reviewing consider considered consideration reach reached contact contacted respond responded enquiry enquiries
    inquiry complaint complaints concern concerns duly due appropriately appropriate properly promptly already
    today earlier content at"""
    # A deed or a thing given named only by its kind, and someone unnamed it went to: "Appropriate measures
    # taken.", "Fault rectified to her satisfaction.", "Provided the relevant guidance.", "Handed over to a colleague."
    """ rectify rectified fulfil fulfill fulfilled make made carried provide provided liaise liaised handed reassure
    reassured asked satisfaction outcome decision situation option options guidance assistance action actions step steps
    measures needful necessary relevant further required change changes fault colleague colleagues"""
    # Looking into it, a record closed, someone unnamed asked, done soon or finished, said as a second language
    # may say it: "Investigated fully.", "Ticket closed.", "Asked my supervisor.", "Sorted straight away.", "is finish".
    """ investigate investigated investigating fully ticket supervisor manager my ran run past rang phoned asap immediately
    quickly straight finish finished complete"""
    # When, said in place of what: "Sorted on the day.", "Attended to on the spot.", "Fixed the same morning.";
    # help in another word: "Customer supported remotely."
    """ day morning afternoon evening night spot same time support supported supporting aided"""
    # A matter escalated to nobody named; "regarding" and "concerning" as "about": "Spoke with him regarding the matter".
    """ escalated regarding concerning re"""
    # The issue pointed at or named by its kind, and making sure of it: "I have ensured these points are dealt with".
    """ these those point points ensure ensured ensures"""
    # Resolving said in the formal words of an office: "The situation has been remedied.", "brought to a satisfactory
    # conclusion", "taken forward with the relevant team", "Took ownership of the issue", "follow-up carried out",
    # "measures put in place", "looked at her case", "gave it a once-over".
    """ remedy remedied remedies conclusion concluded conclude satisfactory brought forward ownership follow place
    case situation once"""
    # What happened, the issue named by its kind: "went over what happened".
    """ what happened""".split()
)

# Words that say nothing about why the customer got in touch.
VAGUE_WORDS: frozenset[str] = frozenset(
    """customer customers ct cx caller client contact contacted contacting call called calling calls rang phoned
    ring rings ringing phoning says saying word words acct message messages conversation
    emailed wrote chat chatted in about regarding re wanted wants want wanting asked asking asks needs needed need
    issue issues problem problems question questions query queries inquiry inquiries enquiry enquiries concern
    concerns sick tired fed annoyed upset angry unhappy happy said says told stated quote quoted help helped assistance assist support account accounts info information general stuff things thing
    cust something anything misc miscellaneous various other see notes note above below follow up n/a na same usual
    request requested requesting requests had has have having got get getting some few more with for on of
    the a an to and or but is was were are be been being it its this that they them their he she his her him
    i we us our you your me my mine from at by as so just also again still back because cause cuz"""
    # "About" clipped as it is spoken ("called bout the roof"); as a noun ("a bout of flu") it is one word among others.
    """ bout"""
    # Talking itself, and someone or something not named: "wanted to talk to someone about the account".
    """ talk talks talked talking speak speaks spoke speaking chat chatting natter nattered chinwag discuss discussed
    discussing say someone somebody anyone anybody everyone everybody"""
    # Nouns for a talk that name nothing else: "in for a blether", "wanted a powwow", "a chit-chat", "a heart-to-heart".
    """ blether blethers confab conflab powwow chitchat chit"""
    # The issue named only by its kind, a wish, a chase, and a time that points back: "Complaint regarding
    # the service", "the earlier points", "wished to discuss a matter", "chased up the parcel", "callback about the previous matter".
    """ matter matters point points complaint complaints case wish wished wishing chase chased chases chasing
    callback callbacks previous prior earlier following happened feedback progress"""
    # Talk in the base form, and things to sort named by nothing: "wanted to ask", "a couple of bits to sort out".
    """ ask enquire inquire sort bits couple"""
    # How, where and for whom they got in touch, and the customer by another name: "came into the
    # office", "popped into the shop", "telephoned on the member's behalf", "the tenant walked in at reception".
    """ came come comes popped walked visited into telephoned messaged texted behalf office shop store
    reception desk counter branch clubhouse member members tenant tenants guest guests patient patients
    resident residents"""
    # Words that never name an issue alone: a preposition of time or of going over, a question word, a wish ("would
    # like"), a count, "concerning" for "about", a
    # time that points back, or an unnamed colleague: "go over one or two things", "about what
    # we spoke about", "further to her recent message", "her earlier conversation with a colleague".
    """ over through before after during since until what which whatever how would like situation ongoing
    one two three several concerning further recent last colleague colleagues""".split()
)

# Words after which a person's state is reported, not judged: "customer was upset", "she was grand after" (fine).
REPORTED_STATES: frozenset[str] = frozenset(
    """upset angry frustrated unhappy disappointed dissatisfied satisfied happy pleased glad relieved grateful
    thankful confused worried concerned anxious calm sad sure certain clear aware unaware able unable willing
    unwilling ready available busy fine okay ok grand good well interested uninterested keen eager content distressed
    scared afraid nervous shocked surprised annoyed ill unwell sick poorly"""
    # Anger as strong as it gets is still a state: "was livid that the van had gone".
    """ furious livid irate incensed outraged indignant"""
    # Fear and distress, however strong, are states too: "she was frantic about a blockage", "was tearful on the phone".
    """ frantic distraught panicky tearful desperate heartbroken inconsolable fearful apprehensive jittery tense"""
    """ overwrought despondent"""
    # States of the body and of a person's means, facts to work with: "he's legally blind", "she's been lame since May".
    """ blind dead hurt infected weak lame frail broke bankrupt lonely""".split()
)
# Verbs of objecting: a habit of one, told of a person in the present, judges them ("questions every charge"; P305),
# and is no standing wish ("Haggles over the labour every visit"; P108).
OBJECTING_VERBS: frozenset[str] = frozenset(
    """complain moan whinge whine grumble gripe object question query dispute challenge contest argue haggle quibble nitpick
    criticise criticize nag fuss fret""".split()
)


def a_state_compared(word: str) -> bool:
    """Whether a word is a reported state compared: "happier", "calmer", "angrier" (a state all the same)."""
    return word.endswith("er") and len(word) > 4 and (word[:-2] in REPORTED_STATES or word[:-3] + "y" in REPORTED_STATES)


# Words for being fine that praise a person when they stand before one: "she was grand after" reports a state,
# "a grand old gent" is a verdict.
FINE_OR_PRAISE: frozenset[str] = frozenset({"grand"})

# Judging words VADER's lexicon lacks or scores mildly, and participles that judge.
OPINION_WORDS: frozenset[str] = frozenset(
    """polite impolite unreasonable demanding entitled condescending patronising patronizing arrogant smug
    rude difficult nasty lovely pleasant sweet charming delightful horrible awful terrible annoying irritating
    obnoxious pushy aggressive hostile abusive dishonest lying liar manipulative unhinged deranged spoiled
    spoilt cheap stingy greedy lazy ignorant clueless hopeless useless impossible ridiculous absurd
    unbearable exhausting tiresome tedious nightmare pain weird strange odd sketchy shady dodgy suspicious
    fishy stubborn picky fussy whiny needy clingy dramatic hysterical emotional irrational paranoid
    nice kind friendly wonderful great amazing awesome fantastic brilliant excellent perfect fab
    gentleman sweetheart darling angel gem drunk intoxicated clueless forgetful precious worrier complainer
    moaner chancer atrocious abysmal appalling shocking dreadful"""
    # Nouns that label a person with praise or blame ("an absolute treasure", "a total headache"): VADER leaves them out.
    """ treasure legend saint doll charmer menace handful headache liability godsend nuisance""".split()
)

# Judging words said of things as often as of people ("the Dyson is great", "the quote was cheap"):
# after a capitalised word that may name a product, they do not judge a person.
SAID_OF_THINGS: frozenset[str] = frozenset(
    """great amazing awesome fantastic brilliant excellent perfect fab nice cheap impossible difficult weird strange odd
    sketchy shady dodgy suspicious fishy horrible awful terrible ridiculous absurd unbearable exhausting tiresome tedious
    nightmare pain annoying irritating pleasant delightful charming wonderful useless hopeless atrocious abysmal appalling
    shocking dreadful lovely sweet precious cold headache liability nuisance godsend treasure abrupt terse""".split()
)

# Words that describe a person's character, competence or mood: said of a customer, each is a
# judgement whatever its sentiment ("indecisive", "forceful", "reasonable"). VADER scores feelings
# and leaves most of these out, so they are kept here as a class, not as phrases seen in notes.
TRAIT_WORDS: frozenset[str] = frozenset(
    """abrasive argumentative belligerent bossy brash cantankerous childish cocky combative confrontational
    controlling crabby cranky crass deceitful devious dismissive disorganised disorganized disrespectful dopey
    dozy erratic evasive fickle flaky forceful grumpy haughty headstrong impatient impulsive inconsiderate
    indecisive inept inflexible insensitive insincere intolerant irresponsible irritable manipulative meddlesome
    moody nosy nosey obstinate obstructive overbearing petty pompous possessive pretentious prickly quarrelsome
    scatty scatterbrained selfish shifty sly sneaky snobbish snobby snooty spiteful stroppy sulky surly tactless
    temperamental testy tetchy thoughtless truculent uncooperative unco-operative unpleasant unrealistic unreliable
    untrustworthy vain vindictive volatile ditzy gormless witless brainless dense dim daft batty dotty senile
    cheeky mouthy gobby lippy bolshy mardy narky shirty arsey uppity snotty smarmy slimy sleazy prissy touchy
    huffy ratty chippy unmotivated motivated savvy reasonable sensible agreeable amiable courteous considerate
    gracious genuine easygoing easy-going personable likeable likable unlikeable loyal disloyal trustworthy
    incompetent competent capable incapable hopeless useless gullible naive naïve paranoid hysterical unstable
    cold awkward aloof standoffish stand-offish rude pushy needy stingy tight-fisted miserly mean-spirited
    high-maintenance unhelpful pernickety persnickety finicky fastidious"""
    # Manner towards others: "was brusque with our engineer", "rather offhand about the change".
    """ brusque curt offhand off-hand snappy snappish terse abrupt"""
    # A state of mind made a verdict on a person's temper: "is neurotic about the neighbours", "a bit obsessive over it".
    """ neurotic obsessive obsessional delusional uptight histrionic loopy barmy bonkers doolally""".split()
)
# Nouns that stand for a person in a label ("a forceful character", "typical buyer", "very
# indecisive man"): a judging word before one of these is about the person.
PERSON_HEADS: frozenset[str] = frozenset(
    """character sort type individual soul bloke chap fellow fella girl boy kid kids mum dad parent buyer
    seller lady ladies men women people folk lad lads lass youngster""".split()
)
# Nouns for a person that are insults wherever they stand.
INSULT_NOUNS: tuple[str, ...] = (
    "numpty", "biddy", "grump", "poor sod", "nitwit", "halfwit", "dimwit", "airhead", "bimbo",
    "bozo", "buffoon", "dunce", "dork", "dweeb", "knobhead", "dickhead", "bellend", "minger", "chav", "pleb",
    "slapper", "harpy", "crone", "codger", "fogey", "duffer", "windbag", "gasbag", "blowhard", "busybody",
    "smartass", "wiseguy", "skinflint", "tightwad", "freeloader", "sponger", "shyster", "slob", "slacker",
    "layabout", "nutter", "loony", "headcase", "crackpot", "sicko", "perv", "pervert", "sleazebag", "lowlife",
    "oaf", "lout", "yokel", "hick", "redneck", "doofus", "dumbass", "jackass", "asshat", "nincompoop", "ninny",
    "twerp", "wazzock", "berk", "wally", "dingbat", "drongo", "scrote", "toerag", "basket case", "little lady", "dearie",
    # (the same kind in other Englishes: Irish, Scots, American)
    "eejit", "bampot", "dolt", "dullard", "twonk", "numbskull", "knucklehead", "bonehead", "meathead", "blockhead", "pinhead",
)
# Nouns that insult a person only when they are called one ("an ignorant pig", "bit of a cow",
# "a bunch of clowns"): alone they are animals and things a note may well mention.
NOUNS_THAT_INSULT_A_PERSON: frozenset[str] = frozenset(
    """pig pigs cow cows shark sharks snake snakes rat rats weasel weasels vulture vultures donkey donkeys sheep
    cockroach cockroaches slug slugs toad toads worm worms vermin clown clowns dinosaur dinosaurs fossil witch
    witches dragon battleaxe tyrant dictator vampire leech leeches parasite parasites goose ape apes monkey
    monkeys baboon hyena hyenas jobsworth jobsworths zombie zombies sod sods creep creeps shrew slag git gits
    bat bag coot madam brat brats creature specimen fart farts"""
    # More animals a person is called ("old goat", "a right swine"): only in a frame, as the ones above.
    """ goat goats mule mules trout swine hog hogs skunk skunks viper vipers maggot maggots louse"""
    # Also a thing of the trade: the oil dipstick, a gear knob.
    """ dipstick dipsticks knob knobs""".split()
)
# Words that turn a noun into a name for a person that belittles them: "the silly woman", "poor sod".
BELITTLING_WORDS: frozenset[str] = frozenset(
    """old little fat stupid silly greedy ignorant lazy nasty miserable grumpy dirty sneaky lying useless incompetent
    bloody filthy ugly smug slimy spoilt spoiled mouthy daft dozy thick dim mad crazy pathetic pompous senile batty
    dotty doddery hysterical nosy nosey dumb""".split()
)

# A person a note may talk about: the subject of a judging sentence.
PERSON_WORDS: frozenset[str] = frozenset(
    """customer ct cx caller client contact patron member he she they him her them guy man woman lady
    gentleman person holder wife husband son daughter mother father mom mum dad partner brother sister
    employee owner guest tenant patient resident parent landlord pensioner passenger traveller traveler donor
    supporter student gent he's she's they're"""
    # Kin in speech: "her hubby", "his missus", "her other half" ("half" alone is no person).
    """ hubby missus wifey boyfriend girlfriend fiance fiancee grandson granddaughter grandma grandad nan""".split()
)
INTERACTION_WORDS: frozenset[str] = frozenset("call interaction conversation chat experience visit exchange".split())
INTENSIFIERS: frozenset[str] = frozenset(
    """very really so extremely quite rather incredibly super totally pretty fairly somewhat a bit little kind
    of sort such absolutely truly just being not too overly completely utterly far""".split()
)
COPULAS: frozenset[str] = frozenset(
    """is was were are seems seemed seem sounded sounds sound appeared appears appear looks looked look acted acting
    became becomes got gets 's been being""".split()
)

# Account fields whose change must be recorded from -> to (never passwords or PINs).
CHANGE_FIELDS: tuple[str, ...] = (
    "email", "e-mail", "email address", "phone", "phone number", "mobile", "mobile number", "number", "address",
    "billing address", "shipping address", "delivery address", "postal address", "name", "surname",
    "last name", "first name", "plan", "tier", "package", "card", "card details", "payment method", "payment card",
    "billing date", "due date", "postcode", "zip", "zip code", "username", "contact details", "contact number",
    # What a customer has with us, beyond contact details: plans, payments, mailings, people on the account.
    "billing", "payment plan", "direct debit", "standing order", "tariff", "membership", "subscription", "policy",
    "mailing list", "mailing", "newsletter", "statements", "marketing", "registration", "employer", "rent date",
    "booking pattern", "delivery round", "household", "account holder", "driver", "seats", "frequent flyer number",
    "loyalty number", "vehicle",
    # Bank details a collection is taken from, and settings of how the account is billed.
    "bank details", "bank account", "account number", "sort code", "routing number", "iban", "autopay", "direct deposit",
    "auto-renewal", "auto-renew", "paperless", "gift aid",
    # Whom to call about the customer, who the customer is, and what they give or may spend.
    "emergency contact", "next of kin", "date of birth", "birth date", "dob", "donation", "regular gift", "monthly gift",
    "pledge", "limit", "credit limit", "overdraft limit", "spending limit", "withdrawal limit", "details",
    # The terms the account pays on: how long it has, how often and on which day it is billed.
    "payment terms", "credit terms", "billing cycle", "billing frequency", "payment frequency", "payment day", "notice period",
    "bill date", "bill day", "billing day", "collection date",
)
# A field word followed by one of these names something else: the card message, a phone call.
NOT_A_FIELD_AFTER: frozenset[str] = frozenset(
    "message messages call calls book reminder reminders template reader readers line charger case holder's of"
    # A part of the organisation named by what it handles: "the billing team", "the membership desk".
    " team desk department dept office queue officer"
    # "put her name down for the rota", "moved her name up the list": the name itself unchanged.
    " down up".split()
)
# A field word after one of these names a document or a thing of the day, not the account: the
# table plan, a lesson plan, the seating plan, the care plan.
NOT_A_FIELD_BEFORE: frozenset[str] = frozenset(
    "table seating floor lesson lessons care treatment birth meal exercise project action business escape site menu"
    # A measure of a thing, not what the account may spend: "the volume limit for the weights room", "the speed limit".
    " volume speed time age weight height size noise temperature word character".split()
)

# Organisation vocabulary that is never a misspelling, beyond the configured vocabulary itself.
ALLOW_WORDS: frozenset[str] = frozenset(
    """voicemail chargeback chargebacks autopay dropdown workstack callback callbacks ct cx tl tls csr csrs kb
    eta etas sku skus rma rmas iban bic cvv otp sms mfa faq faqs pdf url urls ip os wifi wi-fi esim
    username usernames login logins logout signup checkout prepaid postpaid unsubscribe unsubscribed
    resubscribe reactivate reactivated deactivate deactivated reship reshipped reshipment dispositions
    covesmart flagsite invoiced reinvoiced ooo statin statins combi combis actioned actioning""".split()
)
