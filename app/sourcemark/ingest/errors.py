class IngestError(Exception):
    """An input that cannot be read, with a message meant for the user."""
