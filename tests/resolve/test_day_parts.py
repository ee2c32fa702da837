"""A "this morning" or "this afternoon" read as its story's event day (rule 9) only when the day's own expressions
leave that part of the day possible (kg.resolve.entities._deictic_days, _day_parts)."""

from __future__ import annotations

from kg.resolve.entities import _day_parts
from tests.resolve.resolve_kit import merged
from tests.resolve.test_entities import _day_story


def test_this_morning_is_not_the_evening_the_story_tells_of(store):
    # the fire broke out "about 9:40 p.m. Friday"; a report naming no day says "this morning": the morning after
    _day_story(store, [("about 9:40 p.m. Friday", "friday #a")], [("Friday evening", "friday #b")],
               [("this morning", "this morning #c")])
    assert not merged(store, "this morning #c", "friday #a")


def test_this_afternoon_is_not_a_morning_hour(store):
    _day_story(store, [("around 10:20 a.m. Monday", "monday #a")], [("Monday", "monday #b")],
               [("this afternoon", "this afternoon #c")])
    assert not merged(store, "this afternoon #c", "monday #a")


def test_a_part_of_the_day_the_story_leaves_open_still_joins(store):
    # the event day's expressions say no part of the day ("Monday"), or the same one ("Monday morning")
    _day_story(store, [("Monday", "monday #a")], [("Monday", "monday #b")], [("this morning", "this morning #c")])
    assert merged(store, "this morning #c", "monday #a")


def test_early_this_morning_may_be_the_small_hours_after_a_night(store):
    _day_story(store, [("late Monday night", "monday #a")], [("Monday", "monday #b")],
               [("early this morning", "this morning #c")])
    assert merged(store, "this morning #c", "monday #a")


def test_that_night_is_the_night_of_the_day_told_of(store):
    # a day anaphor names the story's day whatever part of it: not the writing day's part
    _day_story(store, [("Friday morning", "friday #a")], [("Friday", "friday #b")], [("that night", "that night #c")])
    assert merged(store, "that night #c", "friday #a")


def test_day_parts_by_words_and_hours():
    assert _day_parts(["last night"]) == {"night"}
    assert _day_parts(["11:30 PM"]) == {"night"}
    assert _day_parts(["at 3 p.m."]) == {"afternoon"}
    assert _day_parts(["at 1:30 a.m. Tuesday"]) == {"morning", "night"}
    assert _day_parts(["today", "Tuesday"]) == frozenset()
