from medtune import DataValidationError, MedtuneError, MissingExtraError, ValidationIssue
from medtune._extras import require


def test_every_error_is_a_medtune_error():
    issue = ValidationIssue("f.jsonl", 3, 2, "output", "bad", "1")
    assert isinstance(DataValidationError([issue]), MedtuneError)
    assert str(issue) == "f.jsonl:3: field 'output': bad (got 1)"


def test_an_issue_shows_the_bad_value_before_the_fix():
    issue = ValidationIssue("f.jsonl", 3, 2, "output", "too short. Fix: write more", "'a'")
    assert str(issue) == "f.jsonl:3: field 'output': too short (got 'a'). Fix: write more"
    lower = ValidationIssue("f.jsonl", 3, 2, None, "bad bytes; fix: re-encode", "x")
    assert str(lower) == "f.jsonl:3: bad bytes (got x); fix: re-encode"


def test_missing_extra_names_the_pip_command():
    try:
        require("surely_not_installed_pkg", "pii", "PII removal with Presidio")
    except MissingExtraError as exc:
        assert 'pip install "medtune[pii]"' in str(exc) and "PII removal with Presidio" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("no error")


def test_long_error_lists_are_truncated_with_a_pointer():
    issues = [ValidationIssue("f", i, i, "output", "bad") for i in range(30)]
    text = str(DataValidationError(issues))
    assert text.startswith("30 invalid records:") and "and 10 more" in text
