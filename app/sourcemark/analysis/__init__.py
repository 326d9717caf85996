"""Document text -> claims with source, cue, sourcing type and stance (no I/O, no Qt)."""

from sourcemark.analysis.analyze import ANALYZER_VERSION, analyze
from sourcemark.analysis.types import Claim, SourcingType, Stance

__all__ = ["ANALYZER_VERSION", "Claim", "SourcingType", "Stance", "analyze"]
