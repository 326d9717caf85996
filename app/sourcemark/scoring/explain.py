"""The words that explain a score, the same in the window, the exports, the reports and
``sourcemark analyze``: each component's name (for what scores high) and the standard behind
it, the Admiralty meanings of the letters and digits, and a story's code in words
(``credibility-model.md``)."""

# each component named for what scores high: a high number is good
COMPONENT_NAMES = {
    "on_record": "On-record sourcing",
    "anonymous_reliance": "Independent of anonymous sources",
    "corroboration": "Corroboration",
    "right_of_reply": "Right of reply",
    "source_diversity": "Source diversity",
}

# the standard each component's rule follows, and how it scores where its sentence does not say
STANDARDS = {
    "on_record": "Reuters and the BBC prefer named sources and documents: a named source "
    "answers for what it says.",
    "anonymous_reliance": "Scores 100 minus the share resting only on anonymous sources, the "
    "headline's claims counted double. Reuters: anonymous sources are the weakest; the New "
    "York Times (2016) has the top editor approve a story that hinges on one.",
    "corroboration": "A claim two or more independent sources confirm scores 100, one 75, "
    "none 50; the rule scores their mean (NATO/Admiralty grading, STANAG 2511; MISP's "
    "mapping).",
    "right_of_reply": "Whoever the story accuses gets to answer, and the answer (a denial, a "
    "refusal to comment) is on record (BBC, AP). Not counted when nobody is accused.",
    "source_diversity": "Five or more distinct sources score in full, fewer in proportion: "
    "more independent voices make a story harder to get wrong.",
}

# NATO/Admiralty (STANAG 2511): the reliability of a source, the credibility of information
LETTER_MEANINGS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
DIGIT_MEANINGS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}

NOT_APPLYING = "does not apply"


def grade_label(letter: str) -> str:
    """A letter with its meaning, for a drop-down: 'A — completely reliable'."""
    return f"{letter} — {LETTER_MEANINGS[letter]}"


def code_meaning(code: str, graded: bool, resting_on: str = "headline claims") -> str:
    """A story's code in words: 'outlet not graded (F) · headline claims possibly true (3)'.
    ``graded``: whether its letter is an outlet's grade (else F stands for none);
    ``resting_on``: the claims its digit is of ('headline claims', 'weakest attributed claim')."""
    letter, digit = code[0], int(code[1:])
    if not graded:
        outlet = "outlet not graded (F)"
    elif letter == "F":
        outlet = "outlet's reliability cannot be judged (F)"
    else:
        outlet = f"outlet {LETTER_MEANINGS.get(letter, 'graded')} ({letter})"
    return f"{outlet} · {resting_on} {DIGIT_MEANINGS.get(digit, 'graded')} ({digit})"


def points_text(value: float) -> str:
    """Points as the breakdown shows them: 18, 15.5, 12.75."""
    return f"{value:g}"


def how_counted(summary: dict) -> str:
    """How the points make the score: '66 of 100 points: score 66', or with a rule that does
    not apply, '56.5 of the 90 points that apply: score 63 (56.5 ÷ 90 = 63%)'."""
    points, out_of = summary["points"], summary["out_of"]
    if not out_of:
        return "no rule applies: score 0"
    uncapped = round(100 * points / out_of)
    earned, offered = points_text(points), points_text(out_of)
    if out_of == 100:
        line = f"{earned} of 100 points: score {uncapped}"
    else:
        line = (f"{earned} of the {offered} points that apply: score {uncapped} "
                f"({earned} ÷ {offered} = {uncapped}%)")  # fmt: skip
    if summary["score"] != uncapped:
        line += f", capped at {summary['score']}"
    return line


def origins_text(reported_by: int, independent: int) -> str:
    """'reported by 5 outlets · 2 independent origins' (each count the claim's own
    included), as the claim pane, the summary and the story report say it."""
    outlets = "outlet" if reported_by == 1 else "outlets"
    origins = "independent origin" if independent == 1 else "independent origins"
    return f"reported by {reported_by:,} {outlets} · {independent:,} {origins}"
