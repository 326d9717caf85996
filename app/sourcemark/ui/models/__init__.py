"""Qt item models over the store: the story tree (stories), the claims table (claims, with
its rows in claim_rows), and the roles they share (roles)."""
