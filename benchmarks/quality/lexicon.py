"""Word lists for the syndication simulator. Framing words come from the planted-edit
benchmark's own lists (not dedupe's lexicons), so the two benchmarks plant the same kinds."""

from benchmarks.planted.lexicon import ATTRIBUTION, FIRST_NAMES, HEDGES, LOADED, SURNAMES  # noqa: F401

OUTLETS = ["Daily Meridian", "Harbor Ledger", "NordPost Online", "The Evening Courier",
           "Valley Gazette", "Open Wire Digest", "Capital Tribune", "Coastal Herald",
           "Morning Sentinel", "Lakeside Observer", "The Provincial Times", "Metro Standard"]
NEWSPAPERS = ["The Clarion (archive)", "Weekly Examiner (archive)", "The Pioneer Press (archive)",
              "County Advertiser (archive)", "The Northern Star (archive)"]
AGENCIES = ["AP", "AFP", "Reuters", "dpa", "UPI"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
CREDITS = ["zc/wd (AP, AFP, Reuters)", "jh/msh (dpa, Reuters)", "aw/rt (AFP, AP)",
           "(Reporting by {name}; Editing by {name2})", "Additional reporting by {name}",
           "Copyright 1987 The Associated Press. All rights reserved.",
           "Material from Reuters and AFP was used in this report."]
BYLINES = ["By {name}", "By {name}, Reuters", "By {name} and {name2}", "{name} | Staff writer"]
HEADLINE_FORMS = ["{h}", "{h}", "{h}", "UPDATE 1-{h}", "{h}, sources say", "Report: {h}",
                  "{h} - analysts", "Briefing: {h}"]
LOCAL_PARAGRAPHS = [
    "Local traders contacted by {outlet} said they were watching the news closely.",
    "The decision is expected to be felt in the region, where several firms do business with the parties involved.",
    "A spokesman for the regional chamber of commerce said members would be briefed next week.",
    "Readers can follow further developments on this story in tomorrow's business pages.",
    "Analysts at a local brokerage said the move had been widely expected in the market.",
    "{outlet} was unable to reach the companies named in this report for further comment.",
]
FOLLOW_UP_LEADS = [
    "Fresh questions were raised on {weekday} about {topic}, {days} days after the first reports.",
    "{topic} took a new turn on {weekday} as officials met again to discuss the next steps.",
    "Officials on {weekday} gave new details of {topic}, which has drawn attention for several days.",
    "Markets reacted cautiously on {weekday} to the latest developments around {topic}.",
]
ROUNDUP_HEADLINES = ["News in brief", "Business briefs", "The day in brief", "World news roundup",
                     "Markets and companies: in brief"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYNONYMS = {
    "said": "stated", "company": "firm", "companies": "firms", "increase": "rise",
    "increased": "rose", "purchase": "buy", "announced": "unveiled", "about": "around",
    "expects": "anticipates", "expected": "forecast", "agreed": "consented",
    "major": "leading", "reported": "posted", "plans": "intends", "plan": "proposal",
    "begin": "start", "began": "started", "because": "as", "also": "additionally",
    "however": "nevertheless", "government": "administration", "talks": "negotiations",
    "sources": "people familiar with the matter", "reduce": "cut", "reduced": "cut",
    "approximately": "roughly", "total": "overall", "help": "assist", "big": "large",
    "officials": "authorities", "meeting": "session", "sell": "dispose of", "sold": "offloaded",
    "price": "cost", "prices": "costs", "rise": "climb", "fall": "decline", "fell": "declined",
    "rose": "climbed", "very": "highly", "shares": "stock", "share": "stock",
    "would": "will", "could": "might", "earlier": "previously", "told": "informed",
}
HOUSE_STYLE = {"mln": "million", "dlrs": "dollars", "dlr": "dollar", "pct": "percent",
               "billion dlrs": "billion dollars", "qtr": "quarter", "shr": "per share",
               "vs": "versus", "cts": "cents"}
