"""Import and open Chroma without its dependency's import-time @override signature checks."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

_SWAPPING = threading.RLock()  # two threads opening clients at once must not save each other's stand-in as the original


@contextmanager
def unchecked_overrides() -> Iterator[None]:
    """Inside this block `overrides.override` only marks a method as an override, as it does after its checks pass.

    chromadb decorates some 160 methods with `@override`, whose check walks the caller's bytecode for the base
    classes and compares signatures when each class is created: about a tenth of a second of every start, in
    `import chromadb` and again when a client loads its Rust bindings. A released chromadb passes these checks;
    they guard its development, not our data. The real decorator is back in place when the block ends.
    """
    import overrides

    with _SWAPPING:
        checked = overrides.override, overrides.overrides
        overrides.override = overrides.overrides = _marked
        try:
            yield
        finally:
            overrides.override, overrides.overrides = checked


def _marked(method=None, **_options):
    """`@override` and `@override(...)` without the checks: the mark that `EnforceOverrides` looks for."""
    if method is None:
        return _marked
    method.__override__ = True
    return method
