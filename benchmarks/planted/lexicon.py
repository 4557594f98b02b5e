"""Word lists the generator plants from: its own, so the benchmark does not grade the
comparison against the comparison's lexicons."""

ATTRIBUTION = {
    "said": ["claimed", "insisted", "admitted", "alleged", "argued", "asserted", "conceded",
             "maintained", "contended"],
    "says": ["claims", "insists", "admits", "argues", "asserts", "concedes", "maintains"],
    "told": ["assured", "warned"],
}
HEDGES = ["reportedly", "allegedly", "apparently"]
EXISTING_HEDGES = ["reportedly", "allegedly", "apparently", "purportedly", "possibly"]
LOADED = {
    "government": "regime", "protesters": "rioters", "protester": "rioter",
    "demonstrators": "agitators", "activists": "agitators", "fighters": "militants",
    "killed": "slaughtered", "protest": "riot", "protests": "riots", "police": "security forces",
    "rebels": "terrorists", "jihadists": "terrorists", "plan": "scheme", "fell": "plunged",
    "rose": "soared", "criticised": "slammed", "criticized": "slammed", "officials": "bureaucrats",
    "opponents": "detractors", "increase": "hike",
}
ADJECTIVES = ["brutal", "controversial", "embattled", "notorious", "troubled", "beleaguered",
              "hardline", "disgraced"]
NOT_NOUNS = frozenset(
    "first second third last next same other most best more such only former latest whole "
    "final main much early late recent previous current following largest biggest".split())
FIRST_NAMES = ["Ana", "Tomas", "Lucia", "Kwame", "Ingrid", "Rafael", "Mei", "Oskar", "Amara",
               "Dmitri", "Leila", "Henrik", "Nadia", "Joaquin", "Ayesha", "Milan", "Sofia", "Emeka"]
SURNAMES = ["Ruiz", "Halvorsen", "Okonkwo", "Ferrante", "Lindqvist", "Castellano", "Mbeki",
            "Novak", "Tanaka", "Oyelaran", "Brennan", "Vasquez", "Kowalczyk", "Delacroix",
            "Moreau", "Achterberg", "Sorensen", "Quaresma"]
PLACES = ["Valdoria", "Port Elsin", "Marrowgate", "Santa Irena", "Kovalsk", "Brindle Bay",
          "Ostrava Nova", "Calderon", "Westmere"]
TITLES = {"minister": "Finance Minister", "judge": "Judge", "president": "President",
          "spokesman": "spokesman", "spokeswoman": "spokeswoman", "governor": "Governor",
          "mayor": "Mayor", "chairman": "chairman", "prosecutor": "prosecutor"}
NOT_ENTITIES = frozenset(
    "The A An I It He She They We This That These Those In On At But And Or If When While "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Reuters Reuter Associated Press "
    "Agence France-Presse Mr Mrs Ms Dr".split())
QUOTES = ["We will not give up", "This is only the beginning", "Nobody expected this to happen",
          "We are watching the situation very closely", "People here are angry and they are tired",
          "It is a difficult day for everyone", "We need answers, not more promises",
          "This changes everything for us"]
SPEAKERS = ["said a local resident", "one official told reporters", "said a witness",
            "a spokesperson said", "said a resident who asked not to be named",
            "an analyst said"]
ADDED_PARAGRAPHS = [
    "Residents in the area said they had been following the news closely and hoped for a quick resolution.",
    "Editor's note: This story has been updated with additional reporting from our newsroom.",
    "Local business owners said the uncertainty was already affecting trade in the region.",
    "Our correspondent reported that the mood in the capital remained calm but tense late on the day.",
    "The news was widely shared on social media, where many users questioned the official account.",
    "Community leaders called a meeting for later in the week to discuss what should happen next.",
    "Observers noted that similar cases in recent years had taken months to resolve.",
    "Several readers contacted our newsroom to share their own experiences of the situation.",
]
LEAD_ENDINGS = [", officials said.", " in a move that surprised many observers.",
                ", according to people familiar with the matter.", ", local media reported.",
                " amid growing uncertainty."]
HEADLINES = ["{a}: what we know so far", "Explainer: what the {a} news means for {b}",
             "{a} and {b} in the spotlight", "Why {a} matters: the latest on {b}",
             "Live updates: {a} and {b}", "{a} latest: all eyes on {b}"]
AGENCIES = ["AP", "AFP", "Reuters", "dpa"]
INITIALS = ["zc/wd", "jh/msh", "aw/rt", "kb/sms", "dj/rc"]
LOWER_STARTS = frozenset(
    "A An The At In On For After Before With More Most Some Two Three Four Five Several Many "
    "Hundreds Thousands Dozens".split())
