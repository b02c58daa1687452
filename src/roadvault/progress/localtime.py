"""The learner's time zone: every date roadvault shows (Progress.md, "recently done",
"today", the plan) is a local date, like the Tasks plugin's `✅ 2026-12-03`. The history
keeps UTC timestamps ("…Z"); they are turned into local dates only when shown.

Which zone: the `TZ` environment variable when it names one ("Pacific/Auckland",
":Europe/Paris"), else the system's (tzlocal), else the offset the C library reports now.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

logger = logging.getLogger(__name__)


def local_zone() -> tzinfo:
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            # A POSIX rule ("EST5EDT,M3.2.0,M11.1.0") or a file path: libc knows it.
            logger.debug("TZ=%r is not an IANA zone name; using the C library's offset", name)
            return _libc_zone()
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # tzlocal refuses odd set-ups (conflicting files): use libc's view
        logger.debug("tzlocal could not tell the zone", exc_info=True)
        return _libc_zone()


def _libc_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone
