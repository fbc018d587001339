"""The report's stored results."""
def test_only_the_default_systems_failures_are_kept():
    from qa.evaluation.report import _without_other_failures

    rep = {"overall": {"n": 1}, "failures": [{"id": "x"}]}
    results = {"default": {"dev": {"plan": dict(rep)}, "test": {}, "threshold": {}},
               "bm25": {"dev": {"plan": dict(rep)}, "test": {"plan": dict(rep)}, "threshold": {"zh": 0.3}}}
    out = _without_other_failures(results)
    assert out["default"] == results["default"]
    assert out["bm25"]["dev"]["plan"] == {"overall": {"n": 1}} and out["bm25"]["threshold"] == {"zh": 0.3}
