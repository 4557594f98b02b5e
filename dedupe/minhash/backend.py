"""Which sketching code runs: the compiled kernels when numba (the `fast` extra) is
installed, else numpy. Both give bit-identical results.

The kernels load on first use, not with the package: numba and the cached kernels take a
second or two to load, which commands that do not sketch should not pay. Call `warm_up`
before forking workers so that they inherit the loaded kernels.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

USE_COMPILED = True
"""False forces the numpy path (for tests and speed comparisons)."""

_HAS_NUMBA = importlib.util.find_spec("numba") is not None
_kernels: ModuleType | None = None


def kernels() -> ModuleType | None:
    """The `compiled` module, or None when it is switched off or numba is not installed."""
    global _kernels
    if not USE_COMPILED or not _HAS_NUMBA:
        return None
    if _kernels is None:
        from dedupe.minhash import compiled

        _kernels = compiled
    return _kernels


def warm_up() -> bool:
    """Load the compiled kernels now; True when they will be used."""
    return kernels() is not None


def set_threads(threads: int) -> None:
    """Threads each compiled kernel call may use (default: all cores); 1 in forked workers."""
    compiled = kernels()
    if compiled is not None:
        compiled.set_threads(threads)
