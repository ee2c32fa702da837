"""Giving freed memory back to the system between the phases of a build (issue 8: bounded memory).

Why: Python keeps its small objects in arenas of their own, while the store's reads (Oxigraph's
hash joins, the rows it decodes) and the big buffers of a phase are allocated from the C heap.
Once a phase is done, its freed C heap stays resident as long as live blocks sit between the
free ones, and the next phase's Python objects grow beside it rather than in it, so the peaks of
the phases add up. glibc's ``malloc_trim`` hands the free pages back.
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["release_free_memory"]


def release_free_memory() -> bool:
    """Give the C heap's free pages back to the system; True if the C library did.

    A no-op (False) where the C library has no ``malloc_trim`` (musl, macOS, Windows).

    >>> release_free_memory() in (True, False)
    True
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    return bool(trim(0))
