"""Checkpoints of the sketch stage, so that a long run resumes after a crash.

Sketching is nearly all of a run's time. With a checkpoint folder, every batch's sketches
are saved there as soon as they are computed (one `.npz` file per batch, written
atomically), and a later run with the same folder reuses every batch whose articles are
unchanged instead of sketching it again. The folder's `manifest.json` records the options
that shape the sketches; a run with other options is refused rather than mixing sketches.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from dedupe import __version__
from dedupe.config import ClusterConfig
from dedupe.errors import InputError
from dedupe.io.write import atomic_write

FORMAT = 1
"""Version of the batch files; bumped whenever the sketches themselves change."""
SKETCH_OPTIONS = ("ngram", "num_perm", "seed", "char_ngram", "lead_words", "batch_size")
"""The options a batch's sketches depend on (batch_size decides where batches start)."""


def batch_key(ids: Iterable[str], texts: Iterable[tuple[str, str | None]]) -> str:
    """Digest of a batch's ids, texts and titles: a saved batch is reused only for the
    very same articles."""
    digest = hashlib.blake2b(digest_size=16)
    for doc_id, (text, title) in zip(ids, texts):
        for part in (doc_id, text, title or ""):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()


class SketchCheckpoint:
    """A folder of saved batch sketches; counts what it reused and saved."""

    def __init__(self, folder: str | Path, config: ClusterConfig) -> None:
        self.folder = Path(folder)
        self.reused = 0
        self.saved = 0
        manifest = {"format": FORMAT, "dedupe": __version__,
                    "options": {name: getattr(config, name) for name in SKETCH_OPTIONS}}
        try:
            self.folder.mkdir(exist_ok=True)
        except FileExistsError:
            raise InputError(f"checkpoint {self.folder} exists and is not a directory") from None
        except OSError as err:
            raise InputError(f"cannot use checkpoint folder {self.folder}: {err.strerror or err}") from None
        path = self.folder / "manifest.json"
        if path.exists():
            try:
                found = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise InputError(f"{path}: not a dedupe checkpoint manifest ({err})") from None
            if found != manifest:
                raise InputError(f"checkpoint {self.folder} was written with other sketch options or another "
                                 f"dedupe version ({_difference(found, manifest)}); use another folder or delete it")
        else:
            with atomic_write(path) as stream:
                json.dump(manifest, stream, indent=1)

    def _path(self, index: int) -> Path:
        return self.folder / f"batch-{index:06d}.npz"

    def load(self, index: int, key: str) -> dict[str, np.ndarray] | None:
        """The arrays saved for batch `index`, if they were saved for the same articles."""
        path = self._path(index)
        if not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as saved:
                if str(saved["key"]) != key:
                    return None
                arrays = {name: saved[name] for name in saved.files if name != "key"}
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
            return None  # damaged (a crash cannot leave one half-written, but a disk can): sketch again
        self.reused += 1
        return arrays

    def save(self, index: int, key: str, arrays: dict[str, np.ndarray]) -> None:
        with atomic_write(self._path(index), "wb") as stream:
            np.savez(stream, key=np.array(key), **arrays)
        self.saved += 1

    def remove(self) -> None:
        """Delete the folder (after the run it protected has finished)."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _difference(found: dict, wanted: dict) -> str:
    if found.get("format") != wanted["format"] or found.get("dedupe") != wanted["dedupe"]:
        return f"dedupe {found.get('dedupe')}, format {found.get('format')}"
    options = found.get("options") or {}
    return ", ".join(f"{name} {options.get(name)} here, {value} now"
                     for name, value in wanted["options"].items() if options.get(name) != value)
