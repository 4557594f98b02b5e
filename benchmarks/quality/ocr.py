"""Heavy OCR noise as in digitised newspapers: misread characters at a chosen rate, merged
and split words, narrow columns with hyphenated line breaks, and a garbled or lost line."""

from __future__ import annotations

import random

CONFUSIONS = [("rn", "m"), ("m", "rn"), ("l", "1"), ("l", "I"), ("I", "l"), ("e", "c"),
              ("c", "e"), ("o", "0"), ("O", "0"), ("0", "o"), ("h", "b"), ("u", "n"), ("n", "u"),
              ("i", "1"), ("cl", "d"), ("d", "cl"), ("S", "5"), ("B", "8"), ("t", "f"), ("a", "o")]
JUNK = "~^'.,;:|!il1I-_\"*"


def misread(text: str, rng: random.Random, rate: float) -> str:
    """About `rate` * len(text) character edits (Levenshtein): confusions, dropped and doubled
    letters, merged words (a lost space) and split words (a stray space)."""
    chars = list(text)
    budget = round(rate * len(text))
    positions = list(range(len(chars)))
    rng.shuffle(positions)
    touched: set[int] = set()
    for at in positions:
        if budget <= 0:
            break
        if at in touched or at + 1 in touched or at - 1 in touched or chars[at] == "\n":
            continue
        here, pair = chars[at], "".join(chars[at:at + 2])
        choice = rng.random()
        if here == " ":
            if choice < 0.5:
                chars[at] = ""  # merged words
                budget -= 1
            else:
                continue
        elif choice < 0.6:
            options = [(a, b) for a, b in CONFUSIONS if pair.startswith(a)]
            if not options:
                continue
            a, b = rng.choice(options)
            chars[at:at + len(a)] = [b] + [""] * (len(a) - 1)
            budget -= max(len(a), len(b))
        elif choice < 0.75 and here.isalpha():
            chars[at] = ""  # dropped letter
            budget -= 1
        elif choice < 0.9 and here.isalpha():
            chars[at] = here + here  # doubled letter
            budget -= 1
        elif here.isalpha() and at + 1 < len(chars) and chars[at + 1].isalpha():
            chars[at] = here + " "  # split word
            budget -= 1
        else:
            continue
        touched.update((at, at + 1))
    return "".join(chars)


def column_lines(paragraph: str, rng: random.Random, width: int) -> list[str]:
    """Wrap to a narrow newspaper column, hyphenating some long words at the break."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if len(word) >= 7 and room >= 3 and rng.random() < 0.5:
                cut = min(room, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def damage_line(paragraphs: list[list[str]], rng: random.Random) -> None:
    """Garble one line (ink blot, torn page) or lose it altogether, in place."""
    where = [(p, i) for p, lines in enumerate(paragraphs) for i in range(len(lines)) if len(lines) > 1]
    if not where:
        return
    p, i = rng.choice(where)
    if rng.random() < 0.5:
        del paragraphs[p][i]
    else:
        line = paragraphs[p][i]
        paragraphs[p][i] = "".join(rng.choice(JUNK) if c != " " and rng.random() < 0.6 else c for c in line)


def ocr(paragraphs: list[str], rng: random.Random, rate: float) -> str:
    """The paragraphs as a scanned column: misread at `rate`, wrapped, one line damaged."""
    width = rng.randint(32, 46)
    columns = [column_lines(misread(p, rng, rate), rng, width) for p in paragraphs]
    damage_line(columns, rng)
    return "\n\n".join("\n".join(lines) for lines in columns if lines)
