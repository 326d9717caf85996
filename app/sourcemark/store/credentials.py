"""Database addresses and their passwords: a password is never written to the settings; it
lives in the platform's keyring (when one is available) or is asked for each time."""

from urllib.parse import quote, unquote, urlsplit, urlunsplit

KEYRING_SERVICE = "Sourcemark database"


def is_server(url: str) -> bool:
    return urlsplit(url).scheme.startswith(("postgres", "cockroach"))


def split_password(url: str) -> tuple[str, str | None]:
    """The address without its password, and the password (None when it has none)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{quote(unquote(parts.username or ''), safe='')}@{host}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)), unquote(parts.password)


def with_password(url: str, password: str | None) -> str:
    """The address with this password put in (as the database driver wants it)."""
    if not password:
        return url
    parts = urlsplit(split_password(url)[0])
    user, rest = parts.netloc.rsplit("@", 1) if "@" in parts.netloc else ("", parts.netloc)
    netloc = f"{user}:{quote(password, safe='')}@{rest}"
    return urlunsplit(parts._replace(netloc=netloc))


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    return None if isinstance(backend, fail.Keyring) else keyring


def keyring_available() -> bool:
    """Whether the platform has a keyring Sourcemark can keep passwords in."""
    return _keyring() is not None


def saved_password(url: str) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, split_password(url)[0])
    except Exception:  # a locked or broken keyring: ask instead
        return None


def save_password(url: str, password: str) -> bool:
    """Keep the password in the keyring; whether it could."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, split_password(url)[0], password)
    except Exception:
        return False
    return True
