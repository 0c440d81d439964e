"""Who may use the app, and as what. Users come from a JSON file or ATEB_UI_USERS, with
passwords stored only as salted scrypt hashes; no users configured means no login."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ROLES = ("reader", "admin")
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$<salt>$<hash>', base64; what a users file stores instead of the password."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = hash_password(password, base64.b64decode(salt)).split("$")[2]
    return hmac.compare_digest(expected, digest)


@dataclass(frozen=True)
class User:
    name: str
    password_hash: str
    role: str = "reader"


class AccessError(ValueError):
    """A users file or variable that cannot be read; names the source and the field."""


def _user(entry: dict, source: str) -> User:
    for key in ("name", "password_hash"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise AccessError(f"{source}: every user needs a string '{key}'")
    role = entry.get("role", "reader")
    if role not in ROLES:
        raise AccessError(f"{source}: user {entry['name']!r} has role {role!r}; one of {', '.join(ROLES)}")
    return User(entry["name"], entry["password_hash"], role)


def load_users(users_file: Path | None = None, env: dict | None = None) -> dict[str, User]:
    """Users from `users_file` ({"users": [{"name", "password_hash", "role"}]}) and from
    ATEB_UI_USERS ("name:hash:role,..."); empty when neither is set."""
    env = os.environ if env is None else env
    users: dict[str, User] = {}
    if users_file is not None:
        try:
            data = json.loads(Path(users_file).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise AccessError(f"{users_file}: cannot read users ({exc})") from exc
        for entry in data.get("users", []) if isinstance(data, dict) else []:
            user = _user(entry, str(users_file))
            users[user.name] = user
    for item in filter(None, (env.get("ATEB_UI_USERS") or "").split(",")):
        name, _, rest = item.strip().partition(":")
        password_hash, _, role = rest.rpartition(":") if rest.count(":") else (rest, "", "reader")
        user = _user({"name": name, "password_hash": password_hash, "role": role or "reader"}, "ATEB_UI_USERS")
        users[user.name] = user
    return users


class Access:
    """The app's gatekeeper: `check` is Gradio's login callback, `role` a user's role."""

    def __init__(self, users: dict[str, User]) -> None:
        self.users = users

    @property
    def required(self) -> bool:
        return bool(self.users)

    def check(self, name: str, password: str) -> bool:
        user = self.users.get(name)
        return bool(user) and verify_password(password, user.password_hash)

    def role(self, name: str | None) -> str:
        """Without login everyone on the (loopback) machine is its admin; with login, the
        user's role, and no role for an unknown name."""
        if not self.required:
            return "admin"
        user = self.users.get(name or "")
        return user.role if user else ""
