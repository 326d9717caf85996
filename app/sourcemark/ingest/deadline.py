"""One time limit for a whole piece of work (a fetch, the reading of a file), however many
steps it takes: a limit per step lets a slow input take many times the limit."""

import time


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; TimeoutError once none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"the limit of {self.seconds:g} seconds has passed")
        return left

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self._end
