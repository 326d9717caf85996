"""The window's dialogs: the source and outlet registries, corroboration, model settings,
connecting to a database, restoring a backup, and a new claim."""
