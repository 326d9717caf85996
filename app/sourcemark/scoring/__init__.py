"""Claims -> per-claim code, per-story roll-up with explanations (no I/O, no Qt)."""

from sourcemark.scoring.codes import claim_code, claim_digit, claim_letter

__all__ = ["claim_code", "claim_digit", "claim_letter"]
