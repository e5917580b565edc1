"""The Ghent rule: published score ≤ 0.5, not in the index, or a yes/unsure → advice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrtoets.rule import Answer, Reason, Rounding, apply_rule, published_score, unscreenable


@pytest.mark.parametrize(
    ("country", "score", "advice", "borderline"),
    [
        # The 2025 borderline countries: WJP publishes 0.50, the exact score is above 0.5.
        ("Hungary", 0.5026043717823747, True, True),
        ("Brazil", 0.5027119670522293, True, True),
        ("Thailand", 0.5028866955505675, True, True),
        ("Dominican Republic", 0.5037613767771438, True, True),
        # Guyana publishes 0.50 and is below 0.5 exactly too: advice, not borderline.
        ("Guyana", 0.4997677812194787, True, False),
        ("Belgium", 0.7814192129926592, False, False),
        ("Morocco", 0.4806151047785714, True, False),
        ("exactly the threshold", 0.5, True, False),
        ("rounds up to 0.51", 0.505, False, False),
        ("just under the round-up", 0.5049999, True, True),
    ],
)
def test_published_rounding_is_the_default(
    country: str, score: float, advice: bool, borderline: bool
) -> None:
    outcome = apply_rule(score)
    assert outcome.advice_needed is advice, country
    assert outcome.borderline is borderline, country
    expected = Reason.AT_OR_BELOW_THRESHOLD if advice else Reason.ABOVE_THRESHOLD
    assert outcome.reason is expected


@pytest.mark.parametrize(
    ("score", "advice"),
    [(0.5026043717823747, False), (0.4997677812194787, True), (0.5, True), (0.5000001, False)],
)
def test_exact_rounding(score: float, advice: bool) -> None:
    outcome = apply_rule(score, rounding=Rounding.EXACT)
    assert outcome.advice_needed is advice


def test_borderline_is_symmetric_between_policies() -> None:
    hungary = 0.5026043717823747
    assert apply_rule(hungary, rounding=Rounding.EXACT).borderline
    assert apply_rule(hungary, rounding=Rounding.PUBLISHED).borderline


def test_not_in_index_needs_advice() -> None:
    outcome = apply_rule(None)
    assert outcome.advice_needed
    assert outcome.reason is Reason.NOT_IN_INDEX
    assert not outcome.borderline


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_guiding_question_overrides_a_good_score(answer: Answer) -> None:
    outcome = apply_rule(0.9, answer=answer)
    assert outcome.advice_needed
    assert outcome.reason is Reason.GUIDING_QUESTION
    assert outcome.reasons == (Reason.ABOVE_THRESHOLD, Reason.GUIDING_QUESTION)


def test_guiding_question_no_changes_nothing() -> None:
    assert not apply_rule(0.9, answer=Answer.NO).advice_needed


def test_low_score_and_yes_keeps_both_reasons() -> None:
    outcome = apply_rule(0.3, answer=Answer.YES)
    assert outcome.reason is Reason.AT_OR_BELOW_THRESHOLD
    assert outcome.reasons == (Reason.AT_OR_BELOW_THRESHOLD, Reason.GUIDING_QUESTION)


def test_custom_threshold() -> None:
    assert apply_rule(0.55, threshold=0.6).advice_needed
    assert not apply_rule(0.65, threshold=0.6).advice_needed


@pytest.mark.parametrize("reason", [Reason.UNRESOLVED, Reason.AMBIGUOUS, Reason.MISSING])
def test_unscreenable_input_needs_advice(reason: Reason) -> None:
    outcome = unscreenable(reason)
    assert outcome.advice_needed
    assert outcome.reason is reason


@pytest.mark.parametrize(
    ("score", "published"), [(0.505, 0.51), (0.5049, 0.5), (0.4951, 0.5), (0.125, 0.13), (1.0, 1.0)]
)
def test_published_score_rounds_half_up(score: float, published: float) -> None:
    assert published_score(score) == published


scores = st.floats(min_value=0, max_value=1, allow_nan=False)


@given(scores)
def test_published_policy_matches_what_the_officer_reads(score: float) -> None:
    """The verdict equals comparing the two-decimal text the officer sees with 0.50."""
    shown = f"{published_score(score):.2f}"
    assert apply_rule(score).advice_needed is (float(shown) <= 0.5)


@given(scores)
def test_borderline_means_policies_disagree(score: float) -> None:
    published = apply_rule(score, rounding=Rounding.PUBLISHED)
    exact = apply_rule(score, rounding=Rounding.EXACT)
    assert published.borderline is (published.advice_needed != exact.advice_needed)
    assert published.borderline is exact.borderline


@given(scores, st.sampled_from(list(Answer)))
def test_advice_is_monotonic_in_the_score(score: float, answer: Answer) -> None:
    """A lower score never turns advice off."""
    if apply_rule(score, answer=answer).advice_needed:
        assert apply_rule(score / 2, answer=answer).advice_needed
