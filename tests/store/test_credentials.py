"""Database addresses keep their passwords out of the settings: split off, put back, and
kept in the platform keyring when there is one."""

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from sourcemark.store.credentials import (
    keyring_available,
    save_password,
    saved_password,
    split_password,
    with_password,
)


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[service, username] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_a_password_is_split_off_and_put_back_whatever_characters_it_has():
    url = "postgresql://desk%40paper:p%40ss%3Aw%2Frd@db.example:5433/sourcemark"
    address, password = split_password(url)
    assert address == "postgresql://desk%40paper@db.example:5433/sourcemark"
    assert password == "p@ss:w/rd"
    assert split_password(with_password(address, password)) == (address, password)
    assert split_password("sqlite:////home/a/b.sqlite") == ("sqlite:////home/a/b.sqlite", None)
    assert with_password(address, None) == address


def test_the_keyring_keeps_the_password_under_the_address_without_it(memory_keyring):
    address = "postgresql://desk@db.example:5432/sourcemark"
    assert keyring_available()
    assert save_password(address + "", "s3cret")
    assert saved_password(address) == "s3cret"
    assert saved_password(with_password(address, "other")) == "s3cret"
    assert list(memory_keyring.passwords) == [("Sourcemark database", address)]


def test_without_a_keyring_nothing_is_kept_and_nothing_fails():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_available()
        assert not save_password("postgresql://a@b/c", "x")
        assert saved_password("postgresql://a@b/c") is None
    finally:
        keyring.set_keyring(before)
