"""Lists of links to other stories ("Related", "Read more: ...", "More from ..."): inside an
article they are dropped line by line and the article goes on; only a list that runs to the
end of the page ends it. Checked through real files of each reader that cleans text."""

import email.policy
from email.message import EmailMessage

import pytest

from sourcemark.ingest import read_path

TITLE = "Council Approves Budget After Long Debate"
PARAGRAPHS = [
    f"The council approved measure number {n} on Monday after a long debate, the mayor said."
    for n in range(1, 21)
]
# furniture a copied page puts between paragraphs, each line on its own
INSIDE = {
    3: ["Related: Council meets again on Friday"],
    7: ["Read more: Budget row deepens as unions protest"],
    11: ["More from Politics"],
    15: ["Related stories", "Ferry prices rise again", "Harbour bridge to close"],
    18: ["READ MORE | Library hours cut in three districts"],
}
TRAILING = ["Related stories", "Ferry prices rise again", "Council meets", "Share this"]
FURNITURE = [line for lines in INSIDE.values() for line in lines] + TRAILING


def article_lines(trailing: bool = True) -> list[str]:
    lines = []
    for n, paragraph in enumerate(PARAGRAPHS, start=1):
        lines.append(paragraph)
        lines.extend(INSIDE.get(n, []))
    return lines + (TRAILING if trailing else [])


def assert_whole_article(text: str) -> None:
    assert text.split("\n\n") == PARAGRAPHS
    for line in FURNITURE:
        assert line not in text


def test_link_lines_inside_a_copied_article_go_and_the_article_stays_whole(tmp_path):
    path = tmp_path / "copied.txt"
    path.write_text(f"The Daily Example\n{TITLE}\n" + "\n".join(article_lines()), "utf-8")
    document = read_path(path)
    assert document.title == TITLE
    assert_whole_article(document.text)


def test_a_trailing_list_of_links_still_ends_the_article(tmp_path):
    path = tmp_path / "copied.txt"
    links = [
        "Read more",
        "Ferry prices rise again",
        "Council meets on Friday",
        "Privacy | Terms | Contact",
    ]
    path.write_text(f"{TITLE}\n\n" + "\n\n".join([*PARAGRAPHS, *links]), "utf-8")
    text = read_path(path).text
    assert text.split("\n\n") == PARAGRAPHS


def test_a_sentence_that_begins_like_a_heading_is_kept(tmp_path):
    sentence = "More from the council is expected next week, when the budget goes to a vote."
    path = tmp_path / "copied.txt"
    path.write_text(
        f"{TITLE}\n\n" + "\n\n".join([*PARAGRAPHS[:5], sentence, *PARAGRAPHS[5:]]), "utf-8"
    )
    assert sentence in read_path(path).text


def test_markdown_with_link_lists_inside_keeps_every_paragraph(tmp_path):
    lines = [f"# {TITLE}", ""]
    for n, paragraph in enumerate(PARAGRAPHS, start=1):
        lines += [paragraph, ""]
        if n == 4:
            lines += ["**Read more:** [Budget row deepens](https://example.invalid/row)", ""]
        if n == 9:
            lines += ["## Related", "", "- [Ferry prices rise again](https://example.invalid/a)",
                      "- [Harbour bridge to close](https://example.invalid/b)", ""]  # fmt: skip
    lines += ["## More from Politics", "", "- [Council meets](https://example.invalid/c)"]
    path = tmp_path / "article.md"
    path.write_text("\n".join(lines), "utf-8")
    document = read_path(path)
    assert document.title == TITLE
    assert document.text.split("\n\n") == PARAGRAPHS
    assert "Budget row" not in document.text and "Ferry" not in document.text


@pytest.mark.parametrize("part", ["plain", "html"])
def test_an_email_with_link_lists_inside_keeps_every_paragraph(tmp_path, part):
    message = EmailMessage(policy=email.policy.default)
    message["Subject"] = TITLE
    message["From"] = "The Daily Example <news@example.invalid>"
    if part == "plain":
        message.set_content("\n\n".join(article_lines()))
    else:
        body = "".join(f"<p>{line}</p>" for line in article_lines())
        message.set_content(f"<html><body>{body}</body></html>", subtype="html")
    path = tmp_path / "newsletter.eml"
    path.write_bytes(message.as_bytes())
    document = read_path(path)
    assert document.title == TITLE
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text
    if part == "plain":
        assert_whole_article(document.text)
