"""Help ▸ Glossary: the words of the window explained for an editor: the eight sourcing
types, the stances, the flags, and the codes' letters A-F and digits 1-6 with their
Admiralty meanings. Every entry comes from the definitions the rest of the app uses (the
taxonomy's labels and meanings, the table's keys, the flags' reasons, the Admiralty
meanings and the default letters in force); a field finds entries by their words."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
)

from sourcemark.analysis.types import STANCE_MEANINGS, TYPE_MEANINGS, SourcingType
from sourcemark.scoring import Settings
from sourcemark.scoring.explain import DIGIT_MEANINGS, LETTER_MEANINGS
from sourcemark.scoring.rollup import REASONS
from sourcemark.ui.editing import STANCE_KEYS, TYPE_KEYS, key_text
from sourcemark.ui.theme import type_colour

Entry = tuple[str, str, str]  # (term, what it means, a swatch's colour or "")

# the NATO/Admiralty scale's descriptions (STANAG 2511, AJP-2.1), in plain words
LETTER_DESCRIPTIONS = {
    "A": "No doubt about the source's authenticity, trustworthiness or competence; it has "
    "always been reliable.",
    "B": "Minor doubt about its authenticity, trustworthiness or competence; its information "
    "has been valid most of the time.",
    "C": "Doubt about its authenticity, trustworthiness or competence, but it has given valid "
    "information before.",
    "D": "Significant doubt about its authenticity, trustworthiness or competence, though it "
    "has given valid information before.",
    "E": "Lacks authenticity, trustworthiness and competence; it has given invalid "
    "information before.",
    "F": "There is no basis for judging the source. F is not a fail: nobody can vouch for the "
    "source, as with an anonymous one or an outlet not graded yet.",
}
DIGIT_DESCRIPTIONS = {
    1: "Confirmed by other independent sources. Here: two or more independent origins (other "
    "outlets, or sources of another kind that are not anonymous) say the same.",
    2: "Not confirmed, but consistent with other information. Here: one independent origin "
    "says the same.",
    3: "Not confirmed; agrees with some other information at most. Here: a single source, "
    "nobody independent says the same.",
    4: "Possible but not logical; nothing else on the subject. The analyzer never gives it.",
    5: "Not logical, and contradicted by other information. The analyzer never gives it.",
    6: "There is no basis for judging the information. Here: unattributed claims, which "
    "rest on no source.",
}


def origin_entries() -> list[Entry]:
    """What independent origins are, and the keys of a person's word on them."""
    from sourcemark.ui.actions import ACTIONS

    keys = {spec.id: QKeySequence(spec.shortcuts[0]).toString(
        QKeySequence.SequenceFormat.NativeText) for spec in ACTIONS if spec.shortcuts}  # fmt: skip
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)  # fmt: skip
    return [
        ("Independent origin", "A report that owes nothing to another one saying the same: wire "
         "copies of one text, a rewrite “according to” another outlet and the same outlet again "
         "all belong to the origin they copy or cite, while a named source confirming to another "
         "outlet is a new origin. Five outlets may rest on one origin; the digit counts origins.",
         ""),
        ("Reported by", "How many outlets carry the claim, its own included.", ""),
        ("Mark independent, same origin", "Your word when you know better than the rules: in the "
         f"claim pane's chain, or Edit ▸ Origin ({keys['split_origin']} sets the claims selected "
         f"apart, {keys['join_origins']} joins them to the origin of the claim shown). "
         f"{undo} undoes it.", ""),
    ]  # fmt: skip


def sections(settings: Settings | None = None) -> list[tuple[str, str, list[Entry]]]:
    """(title, introduction, entries) of each part of the glossary; the letters' defaults as
    ``settings`` has them (the defaults of the model when None)."""
    settings = settings or Settings()
    types = [(f"{t.label} ({key_text(key)})", TYPE_MEANINGS[t], type_colour(t).name())
             for key, t in TYPE_KEYS.items()]  # fmt: skip
    stances = [(f"{s.label} ({key_text(key)})", STANCE_MEANINGS[s], "")
               for key, s in STANCE_KEYS.items()]  # fmt: skip
    flags = [(flag.capitalize(), reason[0].upper() + reason[1:] + ".", "")
             for flag, reason in REASONS.items()]  # fmt: skip
    letters = []
    for letter, meaning in LETTER_MEANINGS.items():
        given = [t for t in TYPE_KEYS.values() if settings.letters.get(t.value) == letter]
        outlet = " (a media report's: its outlet)" if SourcingType.MEDIA_REPORT in given else ""
        default = (f" The letter of {_joined([t.label for t in given])} claims unless their "
                   f"source{outlet} is graded.") if given else ""  # fmt: skip
        letters.append((f"{letter} — {meaning}", LETTER_DESCRIPTIONS[letter] + default, ""))
    digits = [(f"{digit} — {meaning}", DIGIT_DESCRIPTIONS[digit], "")
              for digit, meaning in DIGIT_MEANINGS.items()]  # fmt: skip
    return [
        ("Sourcing types", "What a claim rests on; the key sets it on the claims selected in "
         "the table (Edit ▸ Set Type).", types),
        ("Stances", "What the source does with the claim (Edit ▸ Set Stance).", stances),
        ("Flags", "Shown beside a claim's code, and in the Flag filter.", flags),
        ("Codes: the source's letter, A to F", "Each claim's code is a letter and a digit, as "
         "in the NATO/Admiralty system (STANAG 2511): the letter grades the source's "
         "reliability, the digit the information's credibility, each on its own. A story's "
         "code is its outlet's letter and the worst digit of its headline claims (of its "
         "weakest attributed claim when no headline claim is attributed).", letters),
        ("Codes: the information's digit, 1 to 6", "The digit counts independent origins, not "
         "outlets: a wire copy and its original are one origin.", digits),
        ("Origins", "Who else says the same, as the claim pane's chain and the story summary "
         "count it.", origin_entries()),
    ]  # fmt: skip


def _joined(labels: list[str]) -> str:
    labels = [label.lower() for label in labels]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def glossary_html(parts: list[tuple[str, str, list[Entry]]], words: str = "") -> tuple[str, int]:
    """The glossary as HTML, only the entries holding every word of ``words`` (case aside;
    a section's title found shows it whole); and how many entries it shows."""
    wanted = words.casefold().split()
    html, shown = [], 0
    for title, intro, entries in parts:
        if wanted and all(w in title.casefold() for w in wanted):
            found = entries
        else:
            found = [e for e in entries if all(w in f"{e[0]} {e[1]}".casefold() for w in wanted)]
        if not found:
            continue
        shown += len(found)
        html.append(f"<h3>{escape(title)}</h3><p>{escape(intro)}</p><table cellspacing='6'>")
        for term, meaning, colour in found:
            swatch = (f"<span style='background-color:{colour}'>&nbsp;&nbsp;&nbsp;</span>&nbsp;"
                      if colour else "")  # fmt: skip
            html.append(f"<tr><td style='white-space:nowrap'>{swatch}<b>{escape(term)}</b></td>"
                        f"<td>{escape(meaning)}</td></tr>")  # fmt: skip
        html.append("</table>")
    return "".join(html), shown


class GlossaryDialog(QDialog):
    """The glossary (``text``) under a field that finds entries (``search``); Escape or
    Close closes it."""

    def __init__(self, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Glossary")
        self.resize(680, 640)
        self.parts = sections(settings)
        self.search = QLineEdit()
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText("Find in the glossary")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.show_entries)
        self.found = QLabel()
        self.found.setObjectName("glossaryFound")
        self.text = QTextBrowser()
        self.text.setObjectName("glossaryText")
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.found)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.show_entries()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)  # typing finds entries

    def show_entries(self, _text: str = "") -> None:
        words = self.search.text().strip()
        html, shown = glossary_html(self.parts, words)
        total = sum(len(entries) for _, _, entries in self.parts)
        if not words:
            self.found.setText(f"{total} entries")
        elif shown:
            self.found.setText(f"{shown} of {total} entries")
        else:
            self.found.setText(f"Nothing in the glossary holds “{words}”.")
        self.text.setHtml(html)

    def plain_text(self) -> str:
        return self.text.toPlainText()
