"""The cache-based semaphore (render slots) and the per-key rate limit."""

import time_machine

from portal.cache_lock import slot_of
from portal.rate_limit import over_limit


def test_slots_admit_only_so_many_at_once_and_free_on_exit():
    with slot_of("work", 2, seconds=60) as first, slot_of("work", 2, seconds=60) as second:
        with slot_of("work", 2, seconds=60) as third:
            assert (first, second, third) == (True, True, False)
        with slot_of("other", 2, seconds=60) as elsewhere:
            assert elsewhere  # each name has its own places
    with slot_of("work", 2, seconds=60) as again:
        assert again


def test_a_dead_holders_slot_frees_itself():
    with time_machine.travel("2026-01-01 12:00", tick=False) as clock:
        holder = slot_of("work", 1, seconds=30)
        assert holder.__enter__()  # never left: its process died
        with slot_of("work", 1, seconds=30) as blocked:
            assert not blocked
        clock.shift(31)
        with slot_of("work", 1, seconds=30) as free:
            assert free


def test_rate_limit_counts_per_key_and_says_how_long_to_wait():
    with time_machine.travel("2026-01-01 12:00", tick=False) as clock:
        assert [over_limit("member:1", 3, 3600) for _ in range(3)] == [None, None, None]
        clock.shift(600)
        assert over_limit("member:1", 3, 3600) == 3000
        assert over_limit("member:2", 3, 3600) is None
        clock.shift(3001)
        assert over_limit("member:1", 3, 3600) is None
