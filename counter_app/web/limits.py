"""Per-client rate limits for the tracking service, kept in the server's memory.

A token bucket per key: ``burst`` requests at once, then ``per_minute`` on
average.  The clock is injected, so tests move time instead of sleeping.  The
table is bounded: when it is full the least recently seen keys go first (a
forgotten client starts again with a full bucket, which is harmless)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    per_minute: float
    burst: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"120/60"`` = 120 a minute with bursts of 60; ``"0"`` = no limit."""
        rate, _, burst = text.strip().partition("/")
        try:
            per_minute = float(rate)
            size = int(burst) if burst else max(1, int(per_minute))
        except ValueError:
            raise ValueError(f"限流写法应为 每分钟次数/突发次数，如 120/60；“{text}”不对") from None
        if per_minute < 0 or size < 1:
            raise ValueError(f"限流数值须为正数；“{text}”不对")
        return cls(per_minute, size)

    @property
    def unlimited(self) -> bool:
        return self.per_minute == 0


class RateLimiter:
    def __init__(self, rate: Rate, *, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 100_000) -> None:
        self.rate = rate
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)
        self._lock = threading.Lock()

    def allow(self, key: str, cost: float = 1.0) -> float:
        """0 when the request may go ahead (and is counted); otherwise the
        seconds to wait before the next one would be allowed."""
        if self.rate.unlimited:
            return 0.0
        now = self.clock()
        refill = self.rate.per_minute / 60.0
        with self._lock:
            tokens, when = self._buckets.pop(key, (float(self.rate.burst), now))
            tokens = min(float(self.rate.burst), tokens + (now - when) * refill)
            wait = 0.0
            if tokens >= cost:
                tokens -= cost
            else:
                wait = (cost - tokens) / refill if refill else float("inf")
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self._buckets)
