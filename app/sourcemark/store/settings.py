"""The credibility model's settings, kept with the database: reading them. Saving them
(edits.save_settings) may search the archive again, so it sits above the corroboration
index, which reads them here."""

import json

from sourcemark.scoring import Settings
from sourcemark.store.models import Meta

SETTINGS_KEY = "credibility_settings"


def load_settings() -> Settings:
    """The model settings in force for this database (the defaults until someone saves)."""
    row = Meta.get_or_none(Meta.key == SETTINGS_KEY)
    if row is None:
        return Settings()
    try:
        return Settings.from_dict(json.loads(row.value))
    except (ValueError, TypeError):
        return Settings()  # unreadable: the defaults, rather than no scores at all
