#!/usr/bin/env python3
"""Build the dedupe sample corpus: ``articles.jsonl`` and ``labels.jsonl``.

Everything in this file was written for the dedupe project. All outlets, people
and events are fictional (real places and wire-agency names are used only to
make the copy look like ordinary wire copy). Licence: CC BY 4.0.

How it works
------------
* Each wire story (and each look-alike) is a hand-written *base* text: a tuple
  of paragraphs, the dateline in the first one, the agency trailer in the last.
* Each outlet *version* of a story is the base put through a short recipe of
  edit operations (``sub``, ``words``, ``keep``/``trim``, ``insert``/``append``
  ...) plus its own headline and a publication delay. Every operation checks
  that it actually changed something, so a recipe that no longer matches its
  base fails loudly instead of silently producing an identical copy.
* Singletons and the news-in-brief roundup are printed once.

Run ``python corpora/sample/build.py``; the output is byte-identical on every
run (the only randomness is a seeded ``random.Random`` for minute jitter).
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
SEED = 20260310
UTC = timezone.utc

AP_COPYRIGHT = (
    "Copyright 2026 The Associated Press. All rights reserved. This material may "
    "not be published, broadcast, rewritten or redistributed without permission."
)


# ---------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    domain: str
    utc_offset: int  # hours; the outlet stamps articles in its own time zone
    section: str


OUTLETS: dict[str, Outlet] = {
    o.slug: o
    for o in (
        Outlet("harbor-ledger", "The Harbor Ledger", "harborledger.example", -4, "news"),
        Outlet("midland-courier", "Midland Courier", "midlandcourier.example", -5, "world"),
        Outlet("nordpost", "NordPost Online", "nordpost.example", 1, "international"),
        Outlet("daily-meridian", "Daily Meridian", "dailymeridian.example", 0, "world"),
        Outlet("lakeshore-gazette", "Lakeshore Gazette", "lakeshoregazette.example", -5, "nation-world"),
        Outlet("copperfield-star", "The Copperfield Star", "copperfieldstar.example", 2, "global"),
        Outlet("ridgeway-post", "Ridgeway Post", "ridgewaypost.example", -4, "news/world"),
        Outlet("southbank-chronicle", "Southbank Chronicle", "southbankchronicle.example", 0, "world-news"),
        Outlet("open-wire-digest", "Open Wire Digest", "openwiredigest.example", 0, "wire"),
        Outlet("capital-bulletin", "Capital Bulletin", "capitalbulletin.example", 1, "world"),
        Outlet("tidewater-herald", "Tidewater Herald", "tidewaterherald.example", -4, "world"),
        Outlet("eastgate-observer", "Eastgate Observer", "eastgateobserver.example", 0, "world"),
    )
}


# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------

Paras = list[str]
Op = Callable[[Paras], Paras]


@dataclass(frozen=True)
class Version:
    """One outlet's printing of a story."""

    outlet: str
    title: str
    hours: float  # delay after the base story's time
    ops: tuple[Op, ...] = ()


@dataclass(frozen=True)
class Story:
    key: str  # also the cluster label
    kind: str  # "story" | "lookalike" | "singleton" | "roundup"
    topic: str
    published: datetime  # time of the base (wire) copy
    paras: tuple[str, ...]
    versions: tuple[Version, ...]
    resembles: tuple[str, ...] = ()  # for look-alikes: which clusters they imitate


def paras(block: str) -> tuple[str, ...]:
    """One paragraph per non-empty line."""
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


def at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC)


# ---------------------------------------------------------------------------
# Edit operations. Each returns a function Paras -> Paras and fails loudly if
# it does not apply.
# ---------------------------------------------------------------------------


class RecipeError(ValueError):
    pass


def sub(old: str, new: str) -> Op:
    """Replace the first occurrence of ``old`` (a reworded sentence, a swapped
    attribution verb, an added hedge, a changed figure, a new dateline...)."""

    def op(ps: Paras) -> Paras:
        for i, p in enumerate(ps):
            if old in p:
                out = list(ps)
                out[i] = p.replace(old, new, 1)
                return out
        raise RecipeError(f"sub: {old!r} not found")

    return op


_QUOTED = re.compile(r'"[^"]*"')


def words(mapping: dict[str, str]) -> Op:
    """Loaded-term swaps on whole words, outside direct quotes, keeping an
    initial capital. Every term must occur at least once."""

    def swap_outside_quotes(text: str, old: str, new: str) -> tuple[str, int]:
        pattern = re.compile(rf"\b{re.escape(old)}\b", re.IGNORECASE)

        def repl(m: re.Match[str]) -> str:
            return new[0].upper() + new[1:] if m.group(0)[0].isupper() else new

        pieces, last, hits = [], 0, 0
        for q in _QUOTED.finditer(text):
            chunk, n = pattern.subn(repl, text[last : q.start()])
            pieces += [chunk, q.group(0)]
            hits += n
            last = q.end()
        chunk, n = pattern.subn(repl, text[last:])
        pieces.append(chunk)
        return "".join(pieces), hits + n

    def op(ps: Paras) -> Paras:
        out = list(ps)
        for old, new in mapping.items():
            total = 0
            for i, p in enumerate(out):
                out[i], n = swap_outside_quotes(p, old, new)
                total += n
            if not total:
                raise RecipeError(f"words: {old!r} not found outside quotes")
        return out

    return op


def keep(*idx: int) -> Op:
    """Keep (and reorder) paragraphs by index: reordering, dropped paragraphs."""

    def op(ps: Paras) -> Paras:
        if len(set(idx)) != len(idx) or any(i >= len(ps) for i in idx):
            raise RecipeError(f"keep: bad indices {idx} for {len(ps)} paragraphs")
        return [ps[i] for i in idx]

    return op


def trim(n: int) -> Op:
    """A trimmed reprint: the first ``n`` paragraphs only."""

    def op(ps: Paras) -> Paras:
        if n >= len(ps):
            raise RecipeError(f"trim: {n} >= {len(ps)} paragraphs")
        return list(ps[:n])

    return op


def drop(*idx: int) -> Op:
    """Drop paragraphs (e.g. a quote) by index."""

    def op(ps: Paras) -> Paras:
        if any(i >= len(ps) for i in idx):
            raise RecipeError(f"drop: bad indices {idx}")
        return [p for i, p in enumerate(ps) if i not in idx]

    return op


def insert(pos: int, *texts: str) -> Op:
    def op(ps: Paras) -> Paras:
        return list(ps[:pos]) + list(texts) + list(ps[pos:])

    return op


def prepend(*texts: str) -> Op:
    return insert(0, *texts)


def append(*texts: str) -> Op:
    def op(ps: Paras) -> Paras:
        return list(ps) + list(texts)

    return op


def apply_ops(base: tuple[str, ...], ops: tuple[Op, ...]) -> Paras:
    ps = list(base)
    for op in ops:
        ps = op(ps)
    return ps


# ---------------------------------------------------------------------------
# 1. Disaster: earthquake in southern Peru (AP)
# ---------------------------------------------------------------------------

QUAKE_AREQUIPA = paras('''
LIMA, Peru (AP) — A magnitude 6.7 earthquake struck southern Peru's Arequipa region early Tuesday, killing at least 14 people, collapsing adobe homes in mountain villages and cutting the main highway into the Colca Canyon, officials said.
The quake hit at 4:52 a.m. at a depth of 38 kilometers (24 miles), about 60 kilometers (37 miles) northwest of the city of Arequipa, according to Peru's Geophysical Institute. It was felt as far away as Tacna, near the border with Chile, and residents of Arequipa ran into the streets in their nightclothes.
"We have confirmed 14 dead and more than 90 injured, and we expect those numbers to rise as teams reach the higher communities," said Rosa Quispe Málaga, head of the regional emergency operations center, in an interview with local radio.
Most of the victims were in the districts of Yanque and Achoma, where older houses built of mud brick gave way. Police said a family of five died when the roof of their home fell in as they slept.
Rescuers worked through the morning with shovels and their bare hands. Video broadcast by local television showed a church bell tower split in two and a line of trucks stopped in front of a stretch of highway buried by a landslide.
The Defense Ministry said two air force helicopters had been sent from Lima with medical teams, tents and water purification equipment, and that soldiers were clearing rock from the road.
"The priority is to reach every family that is cut off," Defense Minister Alberto Cárdenas told reporters at the capital's air base before boarding a flight to the region. "Nobody will be left alone."
The national electricity grid operator said power had been restored to about 70% of affected customers by late morning. Schools in the province of Caylloma were ordered closed for the rest of the week.
Aftershocks, the strongest measuring 5.1, continued to rattle the area through the day, and authorities urged residents not to go back into damaged homes.
Peru sits on the Pacific "Ring of Fire," an arc of volcanoes and fault lines circling the Pacific Basin where most of the world's earthquakes occur. Engineers have warned for years that many adobe homes in the southern highlands would not withstand a strong quake.
''')

# Two paragraphs from a second agency's (AFP) copy of the same quake, merged
# into one outlet's version.
QUAKE_AFP_TOLL = (
    "Peru's national civil defence institute gave a higher toll of 16 dead, saying two "
    "more bodies had been recovered from a collapsed market hall in the town of Chivay."
)
QUAKE_AFP_VENDOR = (
    '"The ground moved like a wave, we could not stay on our feet," Hilda Mamani, a '
    '52-year-old market vendor in Chivay, told AFP by telephone. "Half the houses on my '
    'street are on the ground."'
)

QUAKE_VERSIONS = (
    Version("open-wire-digest", "Magnitude 6.7 earthquake kills at least 14 in southern Peru", 0.3, (
        prepend("By LUCÍA FERRAND Associated Press"),
        append(AP_COPYRIGHT),
    )),
    Version("harbor-ledger", "Deadly quake flattens adobe homes in Peru's Colca Canyon", 1.5, (
        trim(5),
        prepend("Photo: Rescuers search the rubble of a collapsed adobe house in Yanque, Peru, on Tuesday. (AP Photo/Martín Salazar)"),
    )),
    Version("midland-courier", "Earthquake in southern Peru leaves 14 dead, dozens hurt", 3.0, (
        trim(4),
        append(
            "In Midland, members of the Peruvian-American Association of the Tri-County Area said "
            "they would collect blankets, canned food and cash donations at St. Brendan's parish "
            "hall on Saturday from 10 a.m. to 4 p.m."
        ),
    )),
    Version("daily-meridian", "Peru quake: rescuers dig through rubble as toll climbs", 5.0, (
        prepend("By Daily Meridian staff and wire services"),
        insert(4, QUAKE_AFP_TOLL),
        insert(7, QUAKE_AFP_VENDOR),
        append("— With reporting by AFP"),
    )),
    Version("nordpost", "Peru earthquake death toll rises to 17", 6.5, (
        sub("LIMA, Peru (AP) — ", "LIMA, March 10 (AP) - "),
        sub("killing at least 14 people", "killing at least 17 people"),
        keep(0, 1, 2, 3, 4, 5, 6, 8, 9),
        insert(6,
            "Separately, a magnitude 5.8 tremor struck the northern Piura region later on Tuesday. "
            "Reuters quoted seismologists as saying the two quakes were not connected."),
        append("zc/wd (AP, AFP, Reuters)"),
    )),
    Version("lakeshore-gazette", "Strong earthquake rattles southern Peru; villages cut off", 7.0, (
        sub("Rescuers worked through the morning with shovels and their bare hands.",
            "Rescue teams, many with nothing but shovels and their hands, dug through the rubble all morning."),
        sub('," said Rosa Quispe Málaga,', '," reported Rosa Quispe Málaga,'),
        keep(0, 1, 3, 2, 4, 5, 7, 6, 9, 8),
    )),
    Version("copperfield-star", "Peru sends helicopters, troops after quake kills 14", 10.0, (
        sub('," said Rosa Quispe Málaga, head', '," admitted Rosa Quispe Málaga, head'),
        drop(6),
        append("Photo: A damaged church bell tower in Achoma, in southern Peru's Arequipa region. (AP Photo/Martín Salazar)"),
    )),
    Version("eastgate-observer", "Peru: at least 14 killed as quake strikes Arequipa region", 20.0, (
        sub("Police said a family of five died", "A family of five reportedly died"),
        sub("It was felt as far away as Tacna", "The shaking was reportedly felt as far away as Tacna"),
        trim(7),
        append("Editor's note: An earlier version of this story misstated the depth of the earthquake."),
    )),
    Version("tidewater-herald", "Southern Peru counts the cost of deadly earthquake", 26.0, (
        sub("more than 90 injured", "more than 120 injured"),
        sub("early Tuesday", "early on Tuesday"),
        drop(7),
        append(AP_COPYRIGHT),
    )),
)

# Look-alike: a second, separate earthquake the same day in another region.
QUAKE_PIURA = paras('''
LIMA, March 10 (Reuters) - A magnitude 5.8 earthquake shook Peru's northern Piura region on Tuesday, damaging dozens of homes and a rural health post but causing no deaths, authorities said, hours after a deadly quake struck the south of the country.
The Geophysical Institute of Peru said the tremor struck at 10:17 a.m. local time (1517 GMT) at a depth of 22 km (14 miles), 35 km east of the city of Sullana. The institute said it was unrelated to the earlier quake in the Arequipa region, more than 1,500 km (930 miles) away.
"These are two separate events on different fault systems," seismologist Daniel Espinoza Ruiz of the institute told Reuters. "It is a coincidence that they happened on the same day."
Piura's regional government said 11 people were treated for minor injuries, most of them cut by falling glass, and that 46 adobe houses had cracked walls. Classes were suspended in Sullana for the rest of the day while engineers inspected school buildings.
Shopkeepers in Piura city said goods tumbled from shelves during the shaking, which lasted about 20 seconds. Local radio reported brief power cuts in several neighbourhoods.
The northern region, which borders Ecuador, is still rebuilding roads and irrigation canals destroyed by floods last year.
(Reporting by Carla Benavides; Editing by Tom Ashdown)
''')

QUAKE_PIURA_VERSIONS = (
    Version("tidewater-herald", "Second quake rattles Peru, this time in the north", 0.5),
    Version("nordpost", "Magnitude 5.8 tremor hits northern Peru's Piura, no deaths", 2.0, (
        trim(4),
        append("jsi/rc (Reuters, EFE)"),
    )),
    Version("capital-bulletin", "Peru: Piura quake damages homes, injures 11", 5.0, (
        prepend("By Carla Benavides, Reuters"),
        drop(6),
    )),
)


# ---------------------------------------------------------------------------
# 2. Politics: Portuguese government survives no-confidence vote (Reuters)
# ---------------------------------------------------------------------------

PORTUGAL_VOTE = paras('''
LISBON, March 11 (Reuters) - Portugal's minority government survived a no-confidence motion in parliament on Wednesday after two smaller opposition parties abstained, giving Prime Minister Helena Vasconcelos room to push a contested housing package through before the summer recess.
The motion, tabled by the main opposition Socialists over what they called the government's failure to curb soaring rents, won 98 votes in the 230-seat assembly, well short of the 116 needed to topple the cabinet. A total of 91 lawmakers voted against and 41 abstained.
"This government was not elected to run away from difficult reforms, and it will not," Vasconcelos told parliament before the vote. "Families are waiting for homes, not for another election."
Opposition leader Marta Sequeira accused the government of favouring property investors and said the housing plan would pour fuel on a fire. "Today some parties chose to save the prime minister. They will have to explain that to every young person who cannot afford to leave their parents' house," she said.
The housing package, which the cabinet approved last month, would offer tax breaks to developers who build affordable rental units, speed up building permits and release 12,000 state-owned plots for construction. Critics say it does little to control rents in Lisbon and Porto, which have more than doubled in a decade.
Had the motion passed, the president would have had to decide whether to call a snap election, which opinion polls suggest would produce another fragmented parliament.
Investors have largely shrugged off the political noise. Portugal's 10-year bond yield was little changed at 3.12% on Wednesday, and the country's credit rating was upgraded by two agencies last year on the back of budget surpluses.
The two parties that abstained, the centrist Movement for Renewal and the regionalist Azorean Alliance, said they would judge the housing bill on its merits and had not entered into any formal agreement with the government.
"Abstaining is not an endorsement," said Joana Pires, parliamentary leader of the Movement for Renewal. "We will be watching every line of that bill."
Parliament is expected to hold a first vote on the housing package in April.
(Reporting by Tiago Almeida Reis; Writing by Susana Ferraz; Editing by Alex Richardson)
''')

PORTUGAL_VERSIONS = (
    Version("capital-bulletin", "Portugal's government survives no-confidence vote", 0.4),
    Version("nordpost", "Portuguese PM Vasconcelos survives no-confidence motion as two parties abstain", 2.0, (
        trim(6),
        append("jsi/rc (Reuters, dpa)"),
    )),
    Version("southbank-chronicle", "Vasconcelos clings on as opposition motion fails", 6.0, (
        sub("Opposition leader Marta Sequeira accused the government",
            "Opposition leader Marta Sequeira claimed the government was"),
        sub("of favouring property investors and said", "favouring property investors and warned that"),
        keep(0, 1, 2, 7, 8, 3, 4, 5, 6, 9),
    )),
    Version("ridgeway-post", "Lisbon government escapes collapse, turns to housing plan", 9.0, (
        sub("push a contested housing package", "push a controversial housing giveaway"),
        sub("Vasconcelos told parliament before the vote", "Vasconcelos admitted to parliament before the vote"),
        drop(3, 10),
    )),
    Version("harbor-ledger", "Portugal no-confidence vote fails", 12.0, (
        prepend("By Tiago Almeida Reis, Reuters"),
        trim(8),
    )),
    Version("daily-meridian", "Portugal's minority cabinet lives to fight another day", 30.0, (
        sub("won 98 votes", "won 99 votes"),
        sub("Investors have largely shrugged off the political noise.",
            "Financial markets barely reacted to the vote."),
        drop(10),
        append("This article has been updated to include comment from the Movement for Renewal."),
    )),
)


# ---------------------------------------------------------------------------
# 3. Economy: Swedish budget airline goes bust (Reuters)
# ---------------------------------------------------------------------------

AURORA_BANKRUPTCY = paras('''
STOCKHOLM, March 10 (Reuters) - Swedish low-cost carrier Aurora Nordic Airways filed for bankruptcy protection on Tuesday and grounded its entire fleet, stranding an estimated 30,000 passengers across Europe and leaving about 2,400 employees uncertain of their jobs.
The airline, which flies 38 Airbus A320-family jets from Stockholm, Gothenburg and Oslo to southern Europe, said in a statement that talks with lenders over a 1.2 billion crown ($115 million) rescue package had collapsed overnight.
"This is the darkest day in our company's history," Chief Executive Karin Ekdahl said at a news conference at Arlanda airport. "We did everything we could to find a solution, but higher fuel costs and weak winter demand left us without a runway."
Aurora Nordic's shares, which had fallen 63% this year, were suspended from trading on the Stockholm stock exchange before the open. The company had warned in February that it might breach its debt covenants.
Passengers posted photographs of darkened check-in desks in Stockholm and Malaga, and several said they learned of the cancellations only at the gate. The airline told customers not to travel to the airport and said those who had paid by card should seek refunds from their banks.
Sweden's Transport Agency said it was working with other airlines to bring travellers home, and that two carriers had offered reduced "rescue fares" on routes from Spain and Portugal.
"Our first concern is the people who are stuck abroad tonight," said Infrastructure Minister Lars Hedin. "The state will not bail out the company, but we will make sure no one is left stranded."
The Swedish Cabin Crew Union said it had not been consulted before the filing and demanded guarantees that wages for February and March would be paid.
Aurora Nordic was founded in 2011 and grew quickly by selling cheap flights to sun destinations, but analysts say it was squeezed by larger rivals and by weaker demand for southern European holidays after last summer's heatwaves. It carried 7.1 million passengers last year.
(Reporting by Elin Gustafsson in Stockholm; additional reporting by Nora Berg in Oslo; Editing by Daniel Whitcombe)
''')

AURORA_VERSIONS = (
    Version("open-wire-digest", "Aurora Nordic Airways files for bankruptcy, grounds fleet", 0.2),
    Version("nordpost", "Thousands stranded as Swedish budget airline Aurora Nordic collapses", 1.5, (
        keep(0, 4, 5, 1, 2, 3, 6, 7, 8),
        append("kb/rt (Reuters, dpa)"),
    )),
    Version("harbor-ledger", "Budget carrier Aurora Nordic goes bust", 2.0, (
        trim(3),
        append("Photo: Aurora Nordic Airways jets parked at Stockholm Arlanda airport on Tuesday. (REUTERS/Sven Lindqvist)"),
    )),
    Version("tidewater-herald", "Aurora Nordic boss admits 'darkest day' as airline folds", 4.0, (
        sub("Chief Executive Karin Ekdahl said at a news conference",
            "Chief Executive Karin Ekdahl admitted at a news conference"),
        drop(7, 9),
        append(
            "Tidewater travel agents said at least 40 local holidaymakers were booked on Aurora "
            "Nordic flights to Malaga and Faro this month. Carla Nuñez of Bayside Travel said her "
            "office was rebooking clients on other carriers at no charge."
        ),
    )),
    Version("midland-courier", "Aurora Nordic collapse leaves up to 40,000 travellers stuck", 5.0, (
        sub("stranding an estimated 30,000 passengers", "reportedly stranding as many as 40,000 passengers"),
        sub("talks with lenders", "last-ditch talks with lenders"),
        trim(6),
    )),
    Version("eastgate-observer", "Sweden's Aurora Nordic grounds all flights after rescue talks fail", 8.0, (
        prepend("By Elin Gustafsson"),
        sub("grew quickly by selling cheap flights to sun destinations",
            "expanded rapidly on the back of cut-price holiday routes"),
        sub('," said Infrastructure Minister Lars Hedin.', '," insisted Infrastructure Minister Lars Hedin.'),
        drop(10),
        append("— Reuters"),
    )),
    Version("lakeshore-gazette", "What Aurora Nordic's bankruptcy means for passengers", 28.0, (
        drop(6, 9),
        append("This article was updated with comment from the Swedish Cabin Crew Union."),
    )),
)


# ---------------------------------------------------------------------------
# Look-alikes: templated daily currency report, two different days (Reuters)
# ---------------------------------------------------------------------------

KES_FX_0310 = paras('''
NAIROBI, March 10 (Reuters) - The Kenyan shilling was stable against the dollar on Tuesday, with demand from importers matched by inflows from tea exporters and non-governmental organisations, traders said.
At 0730 GMT, commercial banks quoted the shilling at 129.35/129.85 per dollar, unchanged from Monday's close.
Traders said activity in the interbank market was subdued as dealers waited for the central bank's monetary policy meeting later this month.
"We are seeing balanced flows this morning, with the usual demand from the energy and manufacturing sectors," said a trader at one commercial bank.
The central bank's usable foreign exchange reserves stood at $9.41 billion, enough to cover 4.8 months of imports, according to its weekly bulletin. The bank aims to keep reserves above four months of import cover.
Fuel importers stepped up their dollar purchases after the energy regulator raised pump prices on Monday, but the pressure is expected to ease by the end of the week, traders said.
The shilling has gained about 0.2% against the dollar since the start of the year.
(Reporting by Wambui Ndirangu; Editing by Helen Corlett)
''')

KES_FX_0311 = paras('''
NAIROBI, March 11 (Reuters) - The Kenyan shilling weakened slightly against the dollar on Wednesday, as demand from fuel importers outpaced inflows from tea exporters and non-governmental organisations, traders said.
At 0730 GMT, commercial banks quoted the shilling at 129.60/130.10 per dollar, compared with Tuesday's close of 129.35/129.85.
Traders said activity in the interbank market picked up as oil marketers sought dollars to pay for cargoes due later in the month.
"Demand is coming mostly from the energy sector, and we could see the shilling test 130 if it continues," said a trader at one commercial bank.
The central bank's usable foreign exchange reserves stood at $9.38 billion, enough to cover 4.8 months of imports, according to its weekly bulletin. The bank aims to keep reserves above four months of import cover.
Protests over fuel prices in Nairobi on Tuesday had little effect on the market, traders said.
The shilling has gained about 0.1% against the dollar since the start of the year.
(Reporting by Wambui Ndirangu; Editing by Helen Corlett)
''')

KES_FX_0310_VERSIONS = (
    Version("open-wire-digest", "KENYA FX: Shilling stable as importer demand matched by tea inflows", 0.1),
    Version("capital-bulletin", "Kenyan shilling holds steady against dollar", 1.0, (trim(5),)),
)
KES_FX_0311_VERSIONS = (
    Version("open-wire-digest", "KENYA FX: Shilling eases as fuel importers buy dollars", 0.1),
    Version("capital-bulletin", "Kenyan shilling slips against dollar", 1.0, (trim(5),)),
)


# ---------------------------------------------------------------------------
# 4. Sport: stage race, stage 3 (AFP)
# ---------------------------------------------------------------------------

CYCLING_STAGE3 = paras('''
RISOUL, France (AFP) - Colombia's Emiliano Duarte won the third stage of the Tour de Haute-Durance with a late attack on the final climb to Risoul on Wednesday, while Norway's Jonas Vik took the race leader's blue-and-yellow jersey.
Duarte, 23, jumped clear of a select group of favourites with 2.5 kilometres to go on the 15-kilometre ascent and crossed the line eight seconds ahead of Vik, with France's Mathis Roux a further 14 seconds back in third.
"I have been dreaming about this climb since they announced the route," Duarte said after the 168-kilometre stage from Embrun. "My legs were hurting, but when I saw the others looking at each other I knew it was the moment."
Vik, runner-up in last year's edition, now leads the general classification by 11 seconds from Duarte and by 26 seconds from Roux. Overnight leader Pieter Claes of Belgium was dropped on the lower slopes and lost more than four minutes.
"Yesterday I had the jersey, today I have a headache," Claes joked at the finish. "The mountains are not my friends."
A breakaway of seven riders built a lead of almost five minutes in the valley but was caught with 20 kilometres remaining after Vik's Nordlys team set a fierce tempo on the Col de Vars.
The stage was briefly neutralised after 40 kilometres when a crash in the peloton brought down a dozen riders. Race organisers said Spain's Álvaro Ferrer was taken to hospital in Briançon with a suspected broken collarbone and had abandoned the race.
"It was a nervous day, with wind in the valley and a lot of riders who wanted to be at the front at the same time," said Nordlys sports director Kjetil Haugen. "Jonas stayed calm, and that is why he is in the jersey."
Thursday's fourth stage is a 31-kilometre individual time trial around Embrun that is expected to favour Vik, a former European time trial champion.
The eight-stage race, a key warm-up for the Grand Tours, finishes in Gap on Sunday.
bur/pw
''')

CYCLING_VERSIONS = (
    Version("ridgeway-post", "Duarte wins at Risoul, Vik takes Haute-Durance lead", 0.3),
    Version("daily-meridian", "Colombian Duarte conquers Risoul summit finish", 1.0, (trim(4),)),
    Version("nordpost", "Norway's Jonas Vik takes overall lead in France", 2.0, (
        sub("Vik, runner-up in last year's edition, now leads the general classification",
            "The 27-year-old Norwegian, who finished second in last year's race, now heads the overall standings"),
        drop(10),
        insert(1, "Photo: Jonas Vik in the leader's jersey on the podium in Risoul. (AFP/Anne-Claire Morel)"),
    )),
    Version("copperfield-star", "Vik in blue and yellow after Duarte's stage win", 3.0, (
        sub('," Duarte said after', '," Duarte beamed after'),
        keep(0, 1, 3, 2, 5, 6, 7, 8, 9),
    )),
    Version("southbank-chronicle", "Haute-Durance: Duarte strikes on Risoul as Claes cracks", 5.0, (
        drop(10),
        append(
            "Southbank Wheelers product Tom Hadley, riding in his first season with the Continental "
            "team Velo Albion, finished 47th on the stage and is 38th overall."
        ),
    )),
    Version("harbor-ledger", "Cycling roundup: Duarte takes Risoul stage", 20.0, (
        trim(6),
        append("— AFP"),
    )),
)

# Look-alike: the same race, the same riders, the next day's stage.
CYCLING_STAGE4 = paras('''
EMBRUN, France (AFP) - Norway's Jonas Vik tightened his grip on the Tour de Haute-Durance by winning Thursday's 31-kilometre time trial around Embrun, extending his overall lead over Colombian climber Emiliano Duarte to 58 seconds.
Vik, a former European time trial champion, covered the hilly course in 38 minutes 42 seconds, 19 seconds faster than Italy's Lorenzo Bassi. Duarte, who won Wednesday's mountain stage to Risoul, finished 47 seconds down in 11th place.
"Today was the day I had circled since December," Vik said. "The gap is nice, but there are still three hard days and Emiliano will attack again."
France's Mathis Roux lost ground on the technical descent and slipped to fourth overall, one minute 31 seconds behind Vik, with Bassi moving up to third.
Duarte said he was not discouraged. "I lost less than I feared. The weekend has two mountain finishes, and that is my terrain," he said.
Rain in the afternoon made the roads slippery for the later starters, and several riders, including Vik's Nordlys teammate Sindre Lunde, crashed on a wet roundabout without serious injury.
Friday's fifth stage is a hilly 181-kilometre route from Embrun to Barcelonnette.
The eight-stage race, a key warm-up for the Grand Tours, finishes in Gap on Sunday.
bur/pw
''')

CYCLING_STAGE4_VERSIONS = (
    Version("ridgeway-post", "Vik wins Embrun time trial to stretch Haute-Durance lead", 0.3),
    Version("daily-meridian", "Time trial triumph puts Vik in control", 1.0, (trim(5),)),
)


# ---------------------------------------------------------------------------
# 5. Science: European lunar lander (AFP)
# ---------------------------------------------------------------------------

TESSERA_LANDING = paras('''
PARIS (AFP) - Europe's first lunar lander, Tessera, touched down near the Moon's south pole early Thursday, the European Space Agency said, making Europe the sixth space power to achieve a soft landing on the lunar surface.
The 1.8-tonne robotic craft landed at 03:14 GMT on a plateau close to the rim of Shackleton crater after a descent lasting about 12 minutes, ESA said. Engineers at the agency's operations centre in Darmstadt, Germany, cheered and embraced when the first signal confirming the landing arrived.
"Europe is on the Moon. This is a moment that a whole generation of engineers has worked for," said ESA mission director Claudia Brenner. "The spacecraft is healthy, it is talking to us, and the solar panels are producing power."
Tessera carries six scientific instruments, including a drill designed to reach 80 centimetres below the surface to look for water ice in the permanently cold soil, and a seismometer to listen for moonquakes.
Water ice at the lunar poles is seen as a key resource for future crewed missions because it could be turned into drinking water, oxygen and rocket fuel.
The mission, which cost about 640 million euros ($700 million), was launched on February 2 on an Ariane 6 rocket from Kourou in French Guiana and spent five weeks travelling to lunar orbit.
Several earlier attempts to land near the south pole ended with spacecraft crashing or toppling onto their side. ESA said its first images showed Tessera standing upright, with one landing leg resting on a small rock.
"We will take the first days slowly. The lunar day at the landing site lasts about 10 Earth days, and we want to use every hour of sunlight," said Tomasz Wilk, a planetary scientist at the Warsaw University of Technology who leads the drill experiment.
The landing comes as the United States and China race to send astronauts back to the Moon, and as European governments debate how much to invest in independent access to the lunar surface.
The agency said the first scientific data would be released next week.
pcm/jh
''')

TESSERA_VERSIONS = (
    Version("open-wire-digest", "European lander Tessera touches down near Moon's south pole", 0.2),
    Version("capital-bulletin", "European probe lands on the Moon", 0.5, (trim(3),)),
    Version("daily-meridian", "Europe lands on the Moon: Tessera reaches lunar south pole", 1.0, (
        trim(7),
        insert(1, "Photo: ESA engineers celebrate in the control room in Darmstadt after the landing. (AFP/Lena Vogt)"),
    )),
    Version("eastgate-observer", "'Europe is on the Moon': ESA's Tessera lander makes history", 3.0, (
        sub('," said ESA mission director Claudia Brenner.', '," declared ESA mission director Claudia Brenner.'),
        keep(0, 2, 1, 3, 5, 6, 4, 7, 8, 9, 10),
    )),
    Version("lakeshore-gazette", "Moon landing puts Europe in lunar club", 6.0, (
        sub("cost about 640 million euros ($700 million)", "reportedly cost around 650 million euros"),
        sub("a seismometer to listen for moonquakes", "a seismometer designed to detect moonquakes"),
        drop(10),
        append(
            "The lander's descent camera was built by Halvard Optics, which employs about 120 people "
            "at its plant on Lakeshore's east side. Company president Dev Anand said staff watched "
            "the landing on a live stream in the cafeteria at 10 p.m. on Wednesday."
        ),
    )),
    Version("midland-courier", "Moon lander Tessera stands upright after risky south pole descent", 24.0, (
        sub("Several earlier attempts to land near the south pole ended with spacecraft crashing or toppling onto their side.",
            "Other missions that tried to land near the south pole crashed or tipped over."),
        drop(8, 10),
        append("— Agence France-Presse"),
    )),
)


# ---------------------------------------------------------------------------
# 6. Courts: former rail finance chief sentenced (AP)
# ---------------------------------------------------------------------------

HIGHVELD_SENTENCING = paras('''
JOHANNESBURG (AP) — A South African court on Wednesday sentenced a former finance chief of the state-owned Highveld Rail Corporation to 15 years in prison for fraud and money laundering linked to a locomotive maintenance contract that prosecutors said cost taxpayers more than 900 million rand ($49 million).
Judge Nomvula Dube of the Johannesburg High Court said Thandiwe Mokoena, 54, had "abused a position of public trust for private enrichment" and had shown no remorse during a trial that lasted more than two years.
Mokoena was convicted in January on 11 counts after prosecutors showed that she approved inflated payments to a maintenance company, Ubuntu Traction Services, and received at least 18 million rand in kickbacks through a network of family trusts and a luxury car dealership.
"This sentence sends a message that the days of looting state companies without consequences are over," said Sipho Ndlovu, a spokesman for the National Prosecuting Authority, outside the court.
Mokoena's lawyer, Johan Pretorius, said his client would appeal both the conviction and the sentence. "The court relied on the evidence of witnesses who were themselves implicated, and we believe a higher court will see that," he told reporters.
Mokoena, dressed in a gray suit, showed little emotion as the sentence was read. Several relatives in the public gallery wept.
The judge also ordered the seizure of two houses in Johannesburg's northern suburbs and a holiday home in the Western Cape that prosecutors said were bought with the proceeds of the fraud.
The case is one of dozens that grew out of a commission of inquiry into corruption at state-owned companies, which found that billions of rand were siphoned from transport, energy and defense contracts over the past decade.
Anti-corruption campaigners welcomed the sentence but said few senior officials had been jailed. "One conviction is not a clean-up," said Ayanda Zulu of the civic group Accountability Now Forum.
The former director of Ubuntu Traction Services, Pieter van Wyk, who was convicted alongside Mokoena, is due to be sentenced Thursday.
''')

HIGHVELD_VERSIONS = (
    Version("tidewater-herald", "South African ex-rail executive gets 15 years for fraud", 0.5, (
        prepend("By NOSIPHO MBEKI Associated Press"),
        append(AP_COPYRIGHT),
    )),
    Version("southbank-chronicle", "Ex-Highveld Rail finance chief jailed for 15 years", 2.0, (trim(5),)),
    Version("capital-bulletin", "South Africa jails former Highveld Rail CFO in graft case", 4.0, (
        sub("and received at least 18 million rand in kickbacks", "and allegedly received at least 18 million rand in bribes"),
        sub('," said Sipho Ndlovu, a spokesman', '," claimed Sipho Ndlovu, a spokesman'),
        drop(8),
    )),
    Version("ridgeway-post", "'No more looting without consequences': rail boss sentenced", 7.0, (
        sub("cost taxpayers more than 900 million rand ($49 million)", "cost taxpayers more than 1 billion rand ($55 million)"),
        drop(4, 5),
        append("— The Associated Press"),
    )),
    Version("copperfield-star", "Mokoena to appeal after 15-year sentence in Highveld Rail case", 22.0, (
        sub("Mokoena, dressed in a gray suit, showed little emotion as the sentence was read.",
            "Wearing a grey suit, Mokoena remained composed as Dube read out the sentence."),
        keep(0, 4, 1, 2, 3, 5, 6, 7, 9),
        insert(1, "Photo: Thandiwe Mokoena in the dock at the Johannesburg High Court on Wednesday. (AP Photo/Sizwe Nkosi)"),
    )),
)

# Look-alike: the co-defendant's separate sentencing hearing the next day.
HIGHVELD_VANWYK = paras('''
JOHANNESBURG (AP) — A South African businessman was sentenced Thursday to 10 years in prison for paying bribes to win a locomotive maintenance contract at the state-owned Highveld Rail Corporation, a day after the company's former finance chief received 15 years in the same case.
Pieter van Wyk, 61, the former director of Ubuntu Traction Services, was convicted in January of corruption and fraud. Judge Nomvula Dube said he had been "the engine of the scheme" but gave him a shorter term than his co-accused because he had repaid part of the money and testified about some of the payments.
Van Wyk's company paid kickbacks to Thandiwe Mokoena, the rail company's former chief financial officer, who was sentenced Wednesday for fraud and money laundering.
"I accept the judgment of the court and I apologize to the people of South Africa," van Wyk said in a brief statement read by his lawyer, Lindiwe Khumalo. She said he would not appeal.
The National Prosecuting Authority said it was seeking to recover a further 240 million rand from Ubuntu Traction Services, which has since been liquidated.
"The money trail does not end with these two individuals," said Sipho Ndlovu, the authority's spokesman. "More arrests are likely."
The case is one of dozens that grew out of a commission of inquiry into corruption at state-owned companies, which found that billions of rand were siphoned from transport, energy and defense contracts over the past decade.
''')

HIGHVELD_VANWYK_VERSIONS = (
    Version("tidewater-herald", "Businessman gets 10 years for bribes in Highveld Rail scandal", 0.5, (
        append(AP_COPYRIGHT),
    )),
    Version("southbank-chronicle", "Van Wyk jailed, apologises to South Africans", 3.0, (trim(4),)),
)


# ---------------------------------------------------------------------------
# 7. Conflict: attack on army post in Burkina Faso (AFP)
# ---------------------------------------------------------------------------

BURKINA_ATTACK = paras('''
OUAGADOUGOU (AFP) - At least 23 soldiers were killed when suspected jihadists attacked an army post in northern Burkina Faso over the weekend, security sources told AFP on Monday, in one of the deadliest assaults on the military this year.
Hundreds of fighters on motorbikes stormed the base near the town of Djibo in Soum province before dawn on Sunday, setting fire to vehicles and a fuel depot before withdrawing, according to a security source who asked not to be named.
"The post was overrun after several hours of fighting. Reinforcements and air support arrived too late," the source said, adding that about 30 soldiers were wounded and several were missing.
The army said in a statement read on state television that "dozens of terrorists" had been "neutralised" in a counter-offensive backed by drones, but gave no toll for its own losses.
A resident of Djibo reached by telephone said gunfire and explosions could be heard in the town for most of the night. "People stayed inside. In the morning we saw the smoke from the camp," he said, asking not to be identified for his safety.
"Our soldiers fell with honour. The enemy will pay," government spokesman Adama Ouédraogo said in a message posted on social media on Monday evening.
No group immediately claimed responsibility. Both an Al-Qaeda affiliate and the Islamic State group are active in the area, which has been under a partial blockade by armed groups for several years.
Burkina Faso's military government, which seized power in 2022, has made the fight against the insurgency its top priority and recruited tens of thousands of civilian volunteers to support the army.
Rights groups have accused both the jihadists and the security forces of abuses against civilians, accusations the authorities reject.
The violence has killed thousands of people and forced more than two million from their homes since 2015, according to humanitarian organisations.
str-ab/sst
''')

BURKINA_VERSIONS = (
    Version("nordpost", "Burkina Faso: at least 23 soldiers killed in attack on army post", 0.5, (
        drop(10),
        append("ab/sst (AFP, Reuters)"),
    )),
    Version("harbor-ledger", "Militants overrun army post in northern Burkina Faso", 1.0, (trim(4),)),
    Version("ridgeway-post", "Terrorists kill 23 soldiers in Burkina Faso base assault", 3.0, (
        words({"jihadists": "terrorists", "fighters": "terrorists", "military government": "junta"}),
        sub("The army said in a statement", "The army claimed in a statement"),
        drop(10),
    )),
    Version("southbank-chronicle", "Burkina regime silent on losses after deadly raid", 5.0, (
        sub("At least 23 soldiers were killed", "At least 23 soldiers were reportedly killed"),
        words({"military government": "military regime"}),
        drop(5, 10),
    )),
    Version("daily-meridian", "Dozens of soldiers dead or missing after Djibo attack", 8.0, (
        insert(1, "Photo: Soldiers on patrol near Djibo in northern Burkina Faso, in an undated file picture. (AFP/Issouf Kaboré)"),
    )),
    Version("eastgate-observer", "Toll rises to 27 in Burkina Faso army post attack", 18.0, (
        sub("At least 23 soldiers were killed", "At least 27 soldiers were killed"),
        sub("security sources told AFP on Monday", "security sources said on Monday"),
        keep(0, 1, 2, 5, 3, 4, 6, 7, 9, 8),
    )),
)


# ---------------------------------------------------------------------------
# 8. Health: cholera outbreak in Zambia (Reuters)
# ---------------------------------------------------------------------------

ZAMBIA_CHOLERA = paras('''
LUSAKA, March 12 (Reuters) - Zambia has recorded 1,240 cholera cases and 37 deaths in an outbreak centred on the Copperbelt province, the health ministry said on Thursday, as authorities opened treatment centres and urged residents to boil drinking water.
Most of the cases have been reported in the mining towns of Kitwe and Ndola, where heavy rains in recent weeks flooded pit latrines and contaminated shallow wells, Health Minister Chanda Mwale told a news conference in Lusaka.
"The situation is serious but under control. We are seeing new cases fall in Ndola, but Kitwe remains a concern," Mwale said. "Every household must treat its water."
The ministry said 214 patients were in hospital and that the case fatality rate of about 3% was well above the 1% the World Health Organization considers acceptable, reflecting late arrival at clinics.
The government has deployed 400 additional health workers to the province and opened six cholera treatment centres, including one at a football stadium in Kitwe. Public gatherings, including church services and funerals, have been limited to 50 people in the worst-affected districts.
The World Health Organization said it had delivered 1.5 million doses of oral cholera vaccine and that a vaccination campaign would begin in Kitwe on Monday.
"Vaccines help, but they are not a substitute for clean water and sanitation," said Dr. Amara Kone, the WHO representative in Zambia. "The long-term answer is investment in water systems."
Street vendors selling cooked food have been ordered out of Kitwe's central market, a measure traders said would hurt their incomes. "We understand the danger, but how do we feed our children?" said Mercy Banda, who sells fritters near the bus station.
Zambia has suffered repeated cholera outbreaks during the rainy season, and the disease has spread across southern Africa in recent years as heavier floods and longer droughts strain water supplies.
(Reporting by Mwansa Chileshe; Editing by Olivia Grant)
''')

ZAMBIA_CHOLERA_VERSIONS = (
    Version("capital-bulletin", "Zambia cholera outbreak kills 37, Copperbelt worst hit", 0.5),
    Version("midland-courier", "Cholera spreads in Zambia's mining towns", 2.0, (trim(5),)),
    Version("nordpost", "Zambia races to contain cholera as cases pass 1,200", 3.0, (
        keep(0, 1, 3, 2, 5, 4, 6, 8, 7),
        append("sdi/ab (Reuters, AFP)"),
    )),
    Version("daily-meridian", "Boil your water, Zambia tells Copperbelt as cholera deaths rise", 4.0, (
        sub("The government has deployed 400 additional health workers to the province",
            "Some 400 extra health workers have been sent to the province"),
        drop(6, 9),
        insert(1, "Photo: A health worker disinfects a water tank in Kitwe, Zambia. (REUTERS/Mwansa Chileshe)"),
    )),
    Version("copperfield-star", "Minister insists Zambia cholera outbreak 'under control'", 9.0, (
        sub('," Mwale said. "Every', '," Mwale insisted. "Every'),
        drop(9),
        append(
            "Editor's note: The Copperfield Star's twin town, Chingola, lies in the Copperbelt about "
            "50 km from Kitwe. The Copperfield-Chingola Friendship Association said it was raising "
            "money for water purification tablets."
        ),
    )),
    Version("lakeshore-gazette", "Zambia cholera toll rises to 41", 24.0, (
        sub("1,240 cholera cases and 37 deaths", "1,310 cholera cases and 41 deaths"),
        sub("Street vendors selling cooked food have been ordered",
            "Street vendors selling cooked food have reportedly been ordered"),
        drop(9),
    )),
)

# Look-alike: the same minister, the same day, a different news conference.
ZAMBIA_NURSES = paras('''
LUSAKA, March 12 (Reuters) - Zambia's government agreed on Thursday to raise nurses' pay by 12% from July, Health Minister Chanda Mwale said, ending a three-week go-slow that unions said had left hospitals short of staff.
Mwale announced the deal at a second news conference in Lusaka on Thursday afternoon, alongside leaders of the National Nurses and Midwives Union, hours after briefing reporters on a cholera outbreak in the Copperbelt province.
"Our nurses have carried this health system on their backs. This agreement recognises that," Mwale said.
The union had demanded a 25% rise. Its president, Grace Mulenga, said members would return to full duty on Monday. "It is not everything we asked for, but it is a start," she said.
The agreement also provides for the recruitment of 2,000 nurses this year and a housing allowance for staff posted to rural clinics, the ministry said. The finance ministry put the cost of the package at about 640 million kwacha ($24 million) a year.
The go-slow had worried doctors as cholera cases climbed in the Copperbelt. The government has deployed 400 additional health workers to the province and opened six cholera treatment centres, including one at a football stadium in Kitwe.
(Reporting by Mwansa Chileshe; Editing by Olivia Grant)
''')

ZAMBIA_NURSES_VERSIONS = (
    Version("capital-bulletin", "Zambia agrees 12% pay rise for nurses, ending go-slow", 0.5),
    Version("midland-courier", "Zambian nurses to return to work after pay deal", 2.0, (trim(4),)),
)


# ---------------------------------------------------------------------------
# 9. Technology: telecom data breach (Reuters)
# ---------------------------------------------------------------------------

TELKORA_BREACH = paras('''
SYDNEY, March 11 (Reuters) - Australian telecommunications company Telkora said on Wednesday that hackers had stolen personal data belonging to about 11 million current and former customers, in what could be one of the country's largest data breaches.
The company said the attackers accessed a customer database through a compromised account belonging to a third-party software contractor and copied names, dates of birth, phone numbers and home addresses. For about 2.8 million customers, driver's licence or passport numbers were also taken.
Telkora said payment card details and account passwords had not been compromised and that its mobile and internet services were not affected.
"I am deeply sorry. Our customers trusted us with their information and we have let them down," Chief Executive Olivia Marsh said in a video statement. "We are contacting every affected customer directly."
Telkora shares fell as much as 7.4% in early trade, their steepest drop in more than two years, before closing 5.1% lower. The broader market ended down 0.3%.
The company said it first detected unusual activity on March 6 and had notified the Australian Cyber Security Centre, the federal police and the privacy regulator. It did not say whether it had received a ransom demand.
Cyber Security Minister Daniel Kerr said the government would hold Telkora to account and that the breach showed companies were still keeping more data than they needed. "There is no excuse for storing the passport numbers of people who left your network years ago," he told reporters in Canberra.
Australia toughened its privacy laws after a series of major hacks in recent years, sharply raising the maximum penalties for serious or repeated breaches.
Telkora, the country's third-largest mobile operator, has about 6.5 million active customers. It said it would offer affected customers free identity-monitoring services for two years and pay for replacement identity documents.
(Reporting by Jack Moreland in Sydney; Editing by Priya Raman)
''')

TELKORA_VERSIONS = (
    Version("open-wire-digest", "Hackers steal data of 11 million Telkora customers", 0.2),
    Version("harbor-ledger", "Australian telecom Telkora hit by massive data breach", 1.0, (trim(4),)),
    Version("ridgeway-post", "Telkora CEO apologises after passport data stolen", 3.0, (
        trim(6),
        insert(1, "Photo: A Telkora store in central Sydney on Wednesday. (REUTERS/Hannah Cole)"),
        append("— Reuters"),
    )),
    Version("eastgate-observer", "Telkora claims card details safe after hack of 11 million records", 4.0, (
        sub("that hackers had stolen personal data", "that hackers had allegedly stolen personal data"),
        sub("Telkora said payment card details", "Telkora claimed payment card details"),
        sub("It did not say whether it had received a ransom demand.",
            "It declined to say whether it had received a ransom demand."),
    )),
    Version("tidewater-herald", "Australia's Telkora says breach exposed passports, licences", 6.0, (
        keep(0, 1, 2, 6, 5, 4, 7, 8, 9),
    )),
    Version("midland-courier", "Data of 10 million customers taken in Australian telecom hack", 9.0, (
        sub("about 11 million current and former customers", "about 10 million current and former customers"),
        sub("in what could be one of the country's largest data breaches",
            "in one of the biggest cyberattacks in Australia's history"),
        drop(7, 9),
    )),
    Version("capital-bulletin", "Telkora breach: government vows to hold telco to account", 30.0, (
        sub('he told reporters in Canberra.', 'he stressed to reporters in Canberra.'),
        drop(9),
        append("This story has been updated to include the closing share price."),
    )),
)


# ---------------------------------------------------------------------------
# 10. Climate: shipping carbon-levy talks stall (AP)
# ---------------------------------------------------------------------------

IMO_LEVY = paras('''
LONDON (AP) — Talks at the United Nations shipping agency on a global carbon levy for ships ended without agreement Friday, after a bloc of oil-producing and large exporting countries blocked a proposal backed by Pacific island nations and the European Union.
Delegates at the International Maritime Organization's headquarters beside the River Thames had been trying to finalize a fee of $100 for every ton of greenhouse gas emitted by large ships above a set limit. Supporters say the money, potentially $10 billion a year, would help poorer countries cope with climate change and speed the shift to cleaner fuels.
After five days of negotiations, the committee agreed only to continue discussions at a session in October.
"We came here to save our islands, and we are going home with another meeting," said Tevita Lolohea, the lead negotiator for Tonga. "The ocean is rising faster than this process is moving."
Opponents argued the levy would raise the cost of food and fuel imports for developing countries that depend on long-distance shipping. A delegate from one Gulf state, speaking on condition of anonymity because the talks were private, said the proposal "punishes trade without guaranteeing that a single ton of emissions is cut."
Shipping carries around 80% of world trade and accounts for close to 3% of global greenhouse gas emissions, according to the IMO. Its member states agreed in 2023 to reach net-zero emissions from shipping "by or around" 2050.
Industry groups, which have largely supported a single global measure over a patchwork of regional rules, expressed frustration. "Shipowners need certainty to order the ships of the future. Every delay makes that harder," said Ingrid Solheim, secretary-general of the World Shipping Forum, a trade body.
The European Union already charges shipping companies for emissions on voyages to and from its ports, and officials have said they would consider widening that system if the IMO fails to act.
Environmental groups staged a small protest outside the IMO building, unfurling a banner reading "No more delay" as delegates left on Friday evening.
"Every year of delay locks in another generation of ships that burn heavy fuel oil," said Priya Natarajan, a campaigner with the Clean Seas Coalition. "That is not a technical problem. It is a political choice."
''')

IMO_VERSIONS = (
    Version("lakeshore-gazette", "Global shipping carbon levy talks end without deal", 0.5, (
        append(AP_COPYRIGHT),
    )),
    Version("nordpost", "Island nations dismayed as UN shipping talks stall", 2.0, (
        trim(5),
        append("ar/wd (AP, Reuters)"),
    )),
    Version("daily-meridian", "'Another meeting': Pacific anger as shipping levy delayed to October", 5.0, (
        prepend("By HANNAH PRICE Associated Press"),
        keep(0, 1, 4, 2, 3, 6, 5, 8, 9, 10),
    )),
    Version("southbank-chronicle", "Oil states sabotage shipping carbon tax at UN talks", 8.0, (
        sub("a bloc of oil-producing and large exporting countries blocked a proposal",
            "a bloc of oil-producing and large exporting countries sabotaged a proposal"),
        sub("Opponents argued the levy would raise", "Opponents claimed the levy would raise"),
        sub("Supporters say the money", "Supporters say the money, reportedly"),
        drop(9),
    )),
    Version("harbor-ledger", "No agreement on ship emissions fee at London talks", 26.0, (
        sub("potentially $10 billion a year", "potentially $12 billion a year"),
        trim(8),
        insert(1, "Photo: Delegates leave the International Maritime Organization building in London on Friday. (AP Photo/Olivia Hart)"),
    )),
)


# ---------------------------------------------------------------------------
# 11. Unrest: fuel-price protests in Nairobi (AFP)
# ---------------------------------------------------------------------------

NAIROBI_PROTESTS = paras('''
NAIROBI (AFP) - Kenyan police fired tear gas and water cannon at thousands of protesters in Nairobi on Tuesday as anger over a steep rise in fuel prices spilled onto the streets, with at least two people killed and dozens injured, according to a rights group.
Protesters blocked roads in the city centre with burning tyres and stones, and some shops were looted along Moi Avenue, AFP journalists saw. Many businesses stayed shut and the minibuses known as matatus largely kept off the roads.
The Uwazi Rights Coalition said two men had died of gunshot wounds in the Kibera and Mathare neighbourhoods and that at least 47 people had been treated for injuries.
"Police used excessive force against people who were expressing legitimate grievances. Live bullets have no place in crowd control," said Wanjiru Kamau, the coalition's executive director.
Police did not confirm the deaths. Nairobi police commander Joseph Kiprono said officers had acted with restraint in the face of "criminal elements" who attacked property, and that 63 people had been arrested.
The energy regulator raised the pump price of petrol by 14 shillings to 212 shillings (about $1.64) a litre on Monday, citing higher global crude prices and new taxes introduced in the budget.
"We cannot afford to eat, and now they want us to pay more to go to work," said Brian Otieno, a 29-year-old motorcycle taxi driver, as he helped build a barricade in the Kawangware area. "The government does not listen unless we come out."
Interior ministry spokeswoman Faith Mutua said the government understood the frustrations of Kenyans but would not tolerate violence. "The right to protest does not include the right to destroy," she said in a statement.
Opposition politicians and civil society groups have called for further demonstrations on Thursday. Kenya has seen several waves of deadly protests in recent years over the cost of living and taxes.
ho/sjk
''')

NAIROBI_VERSIONS = (
    Version("open-wire-digest", "Two dead as Kenyan police tear-gas fuel price protesters", 0.3),
    Version("capital-bulletin", "Kenya fuel protests turn deadly in Nairobi", 1.0, (trim(4),)),
    Version("ridgeway-post", "Rioters loot shops as Nairobi fuel unrest flares", 2.0, (
        words({"protesters": "rioters"}),
        sub("some shops were looted along Moi Avenue", "looted shops along Moi Avenue"),
        drop(9),
    )),
    Version("daily-meridian", "Nairobi streets burn over petrol price hike", 3.0, (
        keep(0, 1, 5, 2, 3, 4, 6, 7, 8, 9),
        insert(1, "Photo: Protesters run from tear gas on Moi Avenue in Nairobi on Tuesday. (AFP/Peter Njoroge)"),
    )),
    Version("eastgate-observer", "Kenyan regime meets fuel protests with bullets, rights group says", 4.0, (
        sub("Nairobi police commander Joseph Kiprono said officers", "Nairobi police commander Joseph Kiprono claimed officers"),
        words({"government": "regime"}),
        drop(9),
    )),
    Version("midland-courier", "Kenya: protests over fuel prices leave two dead", 6.0, (
        drop(6, 9),
        append("— AFP"),
    )),
    Version("copperfield-star", "Tear gas, burning tyres as Kenyans protest fuel costs", 9.0, (
        sub("some shops were looted along Moi Avenue", "some shops were reportedly looted along Moi Avenue"),
        sub("Police did not confirm the deaths.", "Police have not confirmed the deaths."),
        trim(8),
    )),
    Version("harbor-ledger", "Kenya fuel protest death toll rises to three", 22.0, (
        sub("with at least two people killed and dozens injured", "with at least three people killed and dozens injured"),
        sub("at least 47 people had been treated", "more than 50 people had been treated"),
        drop(9),
    )),
)

# Look-alike: a separate protest against the same price rise, another city,
# the next day.
KISUMU_PROTEST = paras('''
KISUMU, Kenya (AFP) - Police in the western Kenyan city of Kisumu fired tear gas on Wednesday to disperse hundreds of traders and motorcycle taxi drivers protesting against higher fuel prices, a day after deadly clashes in the capital Nairobi.
The protesters marched from Kibuye market towards the county offices, chanting and waving branches, before police blocked the road near the lakeside bus park, an AFP correspondent saw.
Kisumu county police commander Stephen Ochieng said 12 people had been arrested for throwing stones and that two officers had been slightly hurt. No deaths were reported.
"We are not criminals. We are hungry people," said Rose Akinyi, a fish trader at the market. "Every time fuel goes up, the price of everything goes up."
The energy regulator raised the pump price of petrol by 14 shillings to 212 shillings (about $1.64) a litre on Monday, citing higher global crude prices and new taxes introduced in the budget.
On Tuesday, at least two people were killed in Nairobi when police fired tear gas and water cannon at thousands of demonstrators, according to a rights group.
Transport operators in Kisumu said they would suspend services on Thursday to join nationwide protests called by opposition politicians and civil society groups. Kenya has seen several waves of deadly protests in recent years over the cost of living and taxes.
ho/sjk
''')

KISUMU_VERSIONS = (
    Version("open-wire-digest", "Kenyan police tear-gas fuel protesters in Kisumu", 0.3),
    Version("ridgeway-post", "Unrest spreads to Kisumu as rioters stone police", 3.0, (
        words({"protesters": "rioters"}),
        drop(7),
    )),
)


# ---------------------------------------------------------------------------
# Singletons: stories printed once
# ---------------------------------------------------------------------------

HARBOR_DREDGING = paras('''
PORT ALDWIN — The Port Aldwin Harbor Commission voted 5-2 on Monday night to award an $18.6 million contract to deepen the main shipping channel, ending more than a year of debate over cost and the disposal of dredged sediment.
The contract went to Calder Marine Works, which submitted the lowest of four bids. Work will begin in October, after the fall fish migration, and is expected to take two winters.
The channel will be deepened from 32 feet to 38 feet, allowing larger container ships to call at the Eastern Terminal without waiting for high tide.
Commissioner Dana Whitfield, who voted against, said she was not convinced the port had a plan for an estimated 400,000 cubic yards of sediment. "We are being asked to approve the digging before we know where the dirt goes," she said.
Harbor Master Luis Ortega said the material would be tested and most of it used to rebuild eroded marsh at Gull Point. "Clean sediment is a resource, not a problem," he said.
Federal grants are expected to cover about 60% of the cost, with the rest paid from port revenue bonds.
''')

HONEYBEES = paras('''
The warmest February on record at the county weather station has woken honeybee colonies three to four weeks early, leaving beekeepers worried that a late frost could starve hives before fruit trees bloom.
Members of the Meridian Valley Beekeepers' Association reported bees flying and carrying pollen from crocus and hazel on 19 of February's 28 days, compared with six days in a typical year.
"The colonies are raising brood already, and brood needs feeding," said association chair Ruth Ambrose, who keeps 30 hives near Fallowfield. "If we get two cold weeks in March, a lot of them will run out of stores."
The association is advising members to check the weight of their hives and to feed sugar fondant where needed. It will hold a free session on spring colony checks at the Fallowfield village hall on March 21.
Orchard growers said apple buds were also swelling early. "Everything is about three weeks ahead. We just have to hope the weather stays kind," said Tom Bellamy of Bellamy Fruit Farm.
''')

OBIT_CARVER = paras('''
Eloise Carver, the Midland pianist who led the house trio at the Blue Lantern jazz club for four decades and taught hundreds of local children to play, died Tuesday at her home on Orchard Street. She was 88.
Her son, David Carver, said she died peacefully after a short illness, with a recording of her 1979 album "Late Light on Elm Street" playing in the next room.
Born in Midland in 1937, Carver began playing the organ at Second Baptist Church at the age of nine and studied music at the state teachers' college before joining a touring big band in the late 1950s.
She returned home in 1966 and took over the piano bench at the Blue Lantern, where she played five nights a week until the club closed in 2006. Visiting musicians often stopped in to sit in with her trio after their own concerts.
"She could make a battered upright sound like a concert grand," said saxophonist Marcus Hale, who played with her for 22 years.
A memorial concert will be held at the Midland Civic Auditorium on March 28. She is survived by her son, two granddaughters and a great-grandson.
''')


# ---------------------------------------------------------------------------
# News-in-brief roundup: the lead paragraphs of three different stories.
# ---------------------------------------------------------------------------

_DATELINE = re.compile(r"^[A-ZÁÉÍÓÚ][A-ZÁÉÍÓÚ ,.'-]*?(?:, [A-Za-z .]+?)?(?:, [A-Z][a-z]+ \d+)? \((?:AP|AFP|Reuters)\) [—-] ")


def lead_without_dateline(story: tuple[str, ...]) -> str:
    lead, n = _DATELINE.subn("", story[0], count=1)
    if not n:
        raise RecipeError(f"no dateline in {story[0][:60]!r}")
    return lead


WORLD_BRIEFING = (
    "Here are the main international stories from the wires on Tuesday evening.",
    "PERU — Deadly earthquake in the south",
    lead_without_dateline(QUAKE_AREQUIPA),
    "KENYA — Fuel price protests turn deadly",
    lead_without_dateline(NAIROBI_PROTESTS),
    "SWEDEN — Budget airline collapses",
    lead_without_dateline(AURORA_BANKRUPTCY),
    "Compiled from AP, AFP and Reuters reports. Full stories in our World section.",
)


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------


def once(outlet: str, title: str) -> tuple[Version, ...]:
    return (Version(outlet, title, 0.0),)


STORIES: tuple[Story, ...] = (
    Story("quake-arequipa", "story", "disaster", at("2026-03-10T16:30"), QUAKE_AREQUIPA, QUAKE_VERSIONS),
    Story("portugal-confidence-vote", "story", "politics", at("2026-03-11T18:30"), PORTUGAL_VOTE, PORTUGAL_VERSIONS),
    Story("aurora-bankruptcy", "story", "economy", at("2026-03-10T11:30"), AURORA_BANKRUPTCY, AURORA_VERSIONS),
    Story("cycling-stage3", "story", "sport", at("2026-03-11T16:05"), CYCLING_STAGE3, CYCLING_VERSIONS),
    Story("tessera-landing", "story", "science", at("2026-03-12T05:20"), TESSERA_LANDING, TESSERA_VERSIONS),
    Story("highveld-sentencing", "story", "courts", at("2026-03-11T12:30"), HIGHVELD_SENTENCING, HIGHVELD_VERSIONS),
    Story("burkina-attack", "story", "conflict", at("2026-03-09T15:30"), BURKINA_ATTACK, BURKINA_VERSIONS),
    Story("zambia-cholera", "story", "health", at("2026-03-12T11:00"), ZAMBIA_CHOLERA, ZAMBIA_CHOLERA_VERSIONS),
    Story("telkora-breach", "story", "technology", at("2026-03-11T06:10"), TELKORA_BREACH, TELKORA_VERSIONS),
    Story("imo-levy-talks", "story", "climate", at("2026-03-13T17:00"), IMO_LEVY, IMO_VERSIONS),
    Story("nairobi-protests", "story", "unrest", at("2026-03-10T15:00"), NAIROBI_PROTESTS, NAIROBI_VERSIONS),
    # Look-alikes (hard negatives), each its own cluster.
    Story("quake-piura", "lookalike", "disaster", at("2026-03-10T18:00"), QUAKE_PIURA,
          QUAKE_PIURA_VERSIONS, ("quake-arequipa",)),
    Story("cycling-stage4", "lookalike", "sport", at("2026-03-12T15:50"), CYCLING_STAGE4,
          CYCLING_STAGE4_VERSIONS, ("cycling-stage3",)),
    Story("kes-fx-0310", "lookalike", "economy", at("2026-03-10T08:05"), KES_FX_0310,
          KES_FX_0310_VERSIONS, ("kes-fx-0311",)),
    Story("kes-fx-0311", "lookalike", "economy", at("2026-03-11T08:10"), KES_FX_0311,
          KES_FX_0311_VERSIONS, ("kes-fx-0310",)),
    Story("highveld-vanwyk", "lookalike", "courts", at("2026-03-12T11:45"), HIGHVELD_VANWYK,
          HIGHVELD_VANWYK_VERSIONS, ("highveld-sentencing",)),
    Story("zambia-nurses", "lookalike", "health", at("2026-03-12T15:40"), ZAMBIA_NURSES,
          ZAMBIA_NURSES_VERSIONS, ("zambia-cholera",)),
    Story("kisumu-protest", "lookalike", "unrest", at("2026-03-11T13:30"), KISUMU_PROTEST,
          KISUMU_VERSIONS, ("nairobi-protests",)),
    # Singletons.
    Story("local-harbor-dredging", "singleton", "local", at("2026-03-10T13:20"), HARBOR_DREDGING,
          once("harbor-ledger", "Harbor commission awards $18.6 million channel dredging contract")),
    Story("local-honeybees", "singleton", "local", at("2026-03-11T07:45"), HONEYBEES,
          once("daily-meridian", "Warm February wakes honeybees weeks early, beekeepers say")),
    Story("obit-eloise-carver", "singleton", "local", at("2026-03-12T20:10"), OBIT_CARVER,
          once("midland-courier", "Eloise Carver, Blue Lantern pianist for 40 years, dies at 88")),
    Story("brief-world-0310", "roundup", "roundup", at("2026-03-10T21:00"), WORLD_BRIEFING,
          once("eastgate-observer", "World briefing: Tuesday, March 10"),
          ("quake-arequipa", "nairobi-protests", "aurora-bankruptcy")),
)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def slugify(text: str, limit: int = 72) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return s[:limit].rstrip("-")


def render(story: Story, n: int, version: Version, rng: random.Random) -> dict[str, str]:
    outlet = OUTLETS[version.outlet]
    jitter = rng.randrange(0, 15) if version.hours else 0
    when = story.published + timedelta(hours=version.hours, minutes=jitter)
    when = when.astimezone(timezone(timedelta(hours=outlet.utc_offset)))
    try:
        body = apply_ops(story.paras, version.ops)
    except RecipeError as exc:
        raise RecipeError(f"{story.key} / {version.outlet}: {exc}") from None
    url = (
        f"https://{outlet.domain}/{outlet.section}/{when:%Y/%m/%d}/"
        f"{slugify(version.title)}"
    )
    return {
        "id": f"{outlet.slug}-{story.key}-{n:02d}",
        "source": outlet.name,
        "url": url,
        "title": version.title,
        "published": when.isoformat(timespec="seconds"),
        "lang": "en",
        "text": "\n\n".join(body),
    }


def validate(stories: tuple[Story, ...]) -> None:
    keys = [s.key for s in stories]
    if len(set(keys)) != len(keys):
        raise RecipeError("duplicate story keys")
    for s in stories:
        words_n = sum(len(p.split()) for p in s.paras)
        if s.kind == "story":
            if not (300 <= words_n <= 600 and 6 <= len(s.paras) <= 12):
                raise RecipeError(f"{s.key}: base has {words_n} words, {len(s.paras)} paragraphs")
            if not (3 <= len(s.versions) <= 10):
                raise RecipeError(f"{s.key}: {len(s.versions)} versions")
        titles = [v.title for v in s.versions]
        outlets = [v.outlet for v in s.versions]
        if len(set(titles)) != len(titles) or len(set(outlets)) != len(outlets):
            raise RecipeError(f"{s.key}: repeated headline or outlet")
        for r in s.resembles:
            if r not in keys:
                raise RecipeError(f"{s.key}: unknown look-alike target {r}")


def build() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    validate(STORIES)
    rng = random.Random(SEED)
    articles, labels = [], []
    for story in STORIES:
        texts = set()
        for n, version in enumerate(story.versions, start=1):
            art = render(story, n, version, rng)
            if art["text"] in texts:
                raise RecipeError(f"{art['id']}: identical body to another version")
            texts.add(art["text"])
            articles.append(art)
            labels.append({"id": art["id"], "cluster": story.key})
    ids = [a["id"] for a in articles]
    if len(set(ids)) != len(ids):
        raise RecipeError("duplicate article ids")
    articles.sort(key=lambda a: a["id"])
    labels.sort(key=lambda a: a["id"])
    return articles, labels


def write_jsonl_atomic(path: Path, rows: list[dict[str, str]]) -> None:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the corpus is meant to be read by anyone
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main() -> None:
    articles, labels = build()
    write_jsonl_atomic(HERE / "articles.jsonl", articles)
    write_jsonl_atomic(HERE / "labels.jsonl", labels)
    clusters = {lab["cluster"] for lab in labels}
    print(f"wrote {len(articles)} articles in {len(clusters)} clusters to {HERE}")


if __name__ == "__main__":
    main()
