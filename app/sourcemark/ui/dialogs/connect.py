"""File > Connect to Database: a SQLite file on this computer, or a PostgreSQL server that
a desk of editors shares. The choice is remembered without its password, which goes to the
platform keyring when the user asks and one is available, and is asked for otherwise."""

from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from sourcemark.store.credentials import (
    is_server,
    keyring_available,
    saved_password,
    split_password,
    with_password,
)
from sourcemark.store.db import sqlite_path


class ConnectDialog(QDialog):
    def __init__(self, current_url: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Connect to Database")
        self.setMinimumWidth(520)
        self.local = QRadioButton("A database file on this computer (SQLite)")
        self.server = QRadioButton("A shared server (PostgreSQL), for a desk of editors")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)

        self.path = QLineEdit()
        self.path.setPlaceholderText("sourcemark.sqlite")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.file_box = QGroupBox()
        file_form = QFormLayout(self.file_box)
        file_form.addRow("File:", file_row)
        file_note = QLabel("A new file is created if it does not exist.")
        file_note.setEnabled(False)
        file_form.addRow("", file_note)

        self.host = QLineEdit()
        self.host.setPlaceholderText("db.newsroom.example")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText("sourcemark")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Remember the password in the system keyring")
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                "No keyring is available on this computer: the password is asked for each time."
            )
        self.server_box = QGroupBox()
        server_form = QFormLayout(self.server_box)
        server_form.addRow("Server:", self.host)
        server_form.addRow("Port:", self.port)
        server_form.addRow("Database:", self.database)
        server_form.addRow("User:", self.user)
        server_form.addRow("Password:", self.password)
        server_form.addRow("", self.remember)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Connect")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.file_box)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.local.toggled.connect(self._kind_changed)
        self._fill(current_url)

    def _fill(self, url: str) -> None:
        if is_server(url):
            address, password = split_password(url)
            parts = urlsplit(address)
            self.host.setText(parts.hostname or "")
            self.port.setValue(parts.port or 5432)
            self.database.setText(parts.path.lstrip("/"))
            self.user.setText(unquote(parts.username or ""))
            self.password.setText(password or saved_password(address) or "")
            self.server.setChecked(True)
        else:
            path = sqlite_path(url)
            self.path.setText(str(path) if path else "")
            self.local.setChecked(True)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.file_box.setEnabled(self.local.isChecked())
        self.server_box.setEnabled(self.server.isChecked())

    def _choose_file(self) -> None:
        start = self.path.text() or str(Path.home() / "sourcemark.sqlite")
        path, _ = QFileDialog.getSaveFileName(
            self, "Database File", start, "Sourcemark database (*.sqlite *.db);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if path:
            self.path.setText(path)

    def address(self) -> str:
        """The chosen database's address, without a password."""
        if self.local.isChecked():
            return "sqlite:///" + str(Path(self.path.text().strip()).expanduser())
        user = quote(self.user.text().strip(), safe="")
        host = self.host.text().strip()
        name = quote(self.database.text().strip() or "sourcemark", safe="")
        return f"postgresql://{user + '@' if user else ''}{host}:{self.port.value()}/{name}"

    def url(self) -> str:
        """The address with the password, for connecting (never for storing)."""
        password = self.password.text() if self.server.isChecked() else None
        return with_password(self.address(), password)

    def _accept(self) -> None:
        if self.local.isChecked() and not self.path.text().strip():
            self.problem.setText("Choose a database file (or a name for a new one).")
            return
        if self.server.isChecked() and not self.host.text().strip():
            self.problem.setText("Give the server's name or address.")
            return
        self.accept()


def ask_password(parent, address: str) -> str | None:
    """The password for a server address, asked for (None: the user cancelled)."""
    parts = urlsplit(address)
    text, ok = QInputDialog.getText(
        parent, "Database Password",
        f"Password for {unquote(parts.username or '')} on {parts.hostname}{parts.path}:",
        QLineEdit.EchoMode.Password,
    )  # fmt: skip
    return text if ok else None
