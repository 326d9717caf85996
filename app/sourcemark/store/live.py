"""What is not in the Trash. A story in the Trash, and the articles and claims it holds, count
nowhere: not in the story list, scores, exports, searches, corroboration or the track
records of sources and outlets. Every read of the archive as a whole adds these conditions.
(An article deleted alone waits in a story of its own in the Trash, so the story decides.)"""

from sourcemark.store.sql import select

# a story's condition, for "FROM story s" (or any alias)
LIVE_STORY = "{s}.trashed IS NULL"
# an article's, for "FROM article a"
LIVE_ARTICLE = "{a}.story_id NOT IN (SELECT id FROM story WHERE trashed IS NOT NULL)"
# a claim's, for "FROM claim c", when its article is not joined
LIVE_CLAIM = (
    "{c}.article_id NOT IN (SELECT ta.id FROM article ta JOIN story ts ON ts.id = ta.story_id "
    "WHERE ts.trashed IS NOT NULL)"
)


def live_story(alias: str = "s") -> str:
    return LIVE_STORY.format(s=alias)


def live_article(alias: str = "a") -> str:
    return LIVE_ARTICLE.format(a=alias)


def live_claim(alias: str = "c") -> str:
    return LIVE_CLAIM.format(c=alias)


def anything_trashed() -> bool:
    """Whether the Trash holds anything (reads that may skip the condition when it is empty
    keep their fastest plan)."""
    return bool(select("SELECT 1 FROM story WHERE trashed IS NOT NULL LIMIT 1"))
