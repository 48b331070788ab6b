"""esa-rules: check draft economic security agreements against required provisions."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
