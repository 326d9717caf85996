"""Claims -> per-claim code, per-story roll-up with explanations (no I/O, no Qt)."""

from sourcemark.scoring.codes import claim_code, claim_digit, claim_letter
from sourcemark.scoring.rollup import ClaimInput, Settings, grade_claims, roll_up

__all__ = [
    "ClaimInput",
    "Settings",
    "claim_code",
    "claim_digit",
    "claim_letter",
    "grade_claims",
    "roll_up",
]
