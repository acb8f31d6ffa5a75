"""bench.severity_dev: which files it judges by default, and that held-out files are refused."""

from pathlib import Path

import pytest

from bench.severity_dev import DEV, dev_cases


def test_the_development_files_are_judged_by_default():
    names = [path.name for path in DEV]
    assert names == [
        f"severity_dev{n}.yml"
        for n in (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
    ]
    assert all(path.exists() for path in DEV)


@pytest.mark.parametrize("name", ["severity_eval.yml", "severity_holdout.yml"])
def test_held_out_files_are_refused(name):
    with pytest.raises(SystemExit):
        dev_cases(Path("bench/data") / name)


@pytest.mark.parametrize("index", [1, 2, 3])
def test_dev5_to_dev7_cover_every_reason_and_hard_normals(index):
    cases = dev_cases(DEV[index])
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for _, found in cases if found) >= 100
    assert sum(1 for _, found in cases if not found) >= 120


def test_dev8_is_recall_oriented_over_every_reason():
    """dev8 (fourth round) leans on subtle urgent cases: more urgent than hard normals."""
    cases = dev_cases(DEV[4])
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for _, found in cases if found) >= 110
    assert sum(1 for _, found in cases if not found) >= 90


def test_dev9_is_precision_oriented_over_every_reason():
    """dev9 (fifth round) leans on hard normals that bait the rules, with urgent cases of every reason."""
    cases = dev_cases(DEV[5])
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for _, found in cases if found) >= 80
    assert sum(1 for _, found in cases if not found) >= 140


def test_dev10_covers_group_buys_and_every_reason():
    """dev10 (sixth round): group buys, children's goods, rhetorical threats, amounts near 2000."""
    cases = dev_cases(DEV[6])
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for _, found in cases if "group" in found) >= 15
    assert sum(1 for _, found in cases if "amount" in found) >= 15
    assert sum(1 for _, found in cases if not found) >= 150


def test_dev11_covers_every_reason_with_a_third_urgent():
    """dev11 (eleventh round): toy parts, drop-proof cases, 好几家, swollen packages, threats
    asked as questions, money in words; about a third urgent."""
    cases = dev_cases(DEV[7])
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.3 <= urgent / len(cases) <= 0.42
    assert sum(1 for _, found in cases if "amount" in found) >= 10


def test_the_tuning_says_so_when_no_setting_meets_the_bounds():
    """`--tune` crashed (max of nothing) when every setting missed the precision bound."""
    from bench.severity_dev import best

    loose = {"recall": 0.95, "precision": 0.80, "ordinary_fired": 0.001}
    tight = {"recall": 0.90, "precision": 0.96, "ordinary_fired": 0.001}
    assert best([loose]) is None
    assert best([loose, tight]) == tight


def test_dev13_leans_on_injury_with_hard_damage_normals():
    """dev13 (thirteenth round): injury told colloquially, every reason, and ordinary transit
    damage with nobody hurt among its normals."""
    cases = dev_cases(DEV[9])
    assert DEV[9].name == "severity_dev13.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for _, found in cases if "injury" in found) >= 100
    normals = [text for text, found in cases if not found]
    assert len(normals) >= 80
    assert sum(1 for text in normals if any(word in text for word in "碎裂崩")) >= 25


def test_dev14_leans_on_injury_told_without_the_obvious_words():
    """dev14 (fourteenth round): about 60 % urgent, nearly all injury, every reason, and hard
    normals that name medical goods or figures of speech."""
    cases = dev_cases(DEV[10])
    assert DEV[10].name == "severity_dev14.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.55 <= urgent / len(cases) <= 0.65
    assert sum(1 for _, found in cases if "injury" in found) >= 100
    normals = [text for text, found in cases if not found]
    assert sum(1 for text in normals if any(w in text for w in ("创可贴", "口罩", "烫伤膏"))) >= 3


def test_dev15_leans_on_hard_normals_with_a_third_urgent():
    """dev15 (fifteenth round): precision first, about a third urgent over every reason, and
    normals that a careless reader flags (near misses, households, a lawyer or 12315 in someone
    else's story, amounts that are no order amount)."""
    cases = dev_cases(DEV[11])
    assert DEV[11].name == "severity_dev15.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.3 <= urgent / len(cases) <= 0.4
    normals = [text for text, found in cases if not found]
    assert sum(1 for text in normals if any(w in text for w in ("差点", "幸好", "要是"))) >= 10
    assert sum(1 for text in normals if any(w in text for w in ("我和我", "我们两个"))) >= 3


def test_dev16_borrows_urgent_words_with_a_third_urgent():
    """dev16 (sixteenth round): about a third urgent over every reason, and normals that borrow
    urgent words (hypotheticals, hearsay, idioms of anger, friends who bought the same)."""
    cases = dev_cases(DEV[12])
    assert DEV[12].name == "severity_dev16.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.3 <= urgent / len(cases) <= 0.4
    normals = [text for text, found in cases if not found]
    assert (
        sum(1 for text in normals if any(w in text for w in ("万一", "要是", "如果", "假如"))) >= 5
    )
    assert sum(1 for text in normals if any(w in text for w in ("说", "話"))) >= 10


def test_dev17_sounds_big_with_about_two_fifths_urgent():
    """dev17 (seventeenth round): every reason, and normals in big words (anger with no
    authority, sums that are another thing's price, numbers that are no money)."""
    cases = dev_cases(DEV[13])
    assert DEV[13].name == "severity_dev17.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.35 <= urgent / len(cases) <= 0.45
    normals = [text for text, found in cases if not found]
    assert (
        sum(1 for text in normals if any(w in text for w in ("投诉", "投訴", "过分", "气死"))) >= 8
    )
    assert sum(1 for text in normals if any(c.isdigit() for c in text)) >= 20


def test_dev18_sounds_serious_with_about_a_third_urgent():
    """dev18 (eighteenth round): every reason, urgent facts said quietly, and normals that
    sound serious (hypotheticals, settled past incidents, others' stories, 维权到底)."""
    cases = dev_cases(DEV[14])
    assert DEV[14].name == "severity_dev18.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    urgent = sum(1 for _, found in cases if found)
    assert 0.3 <= urgent / len(cases) <= 0.4
    normals = [text for text, found in cases if not found]
    assert sum(1 for text in normals if any(w in text for w in ("维权", "維權", "到底"))) >= 3
    assert (
        sum(1 for text in normals if any(w in text for w in ("万一", "要是", "如果", "假如"))) >= 4
    )


def test_dev20_says_urgent_facts_quietly_with_about_two_fifths_normal():
    """dev20 (nineteenth round, task sev19): every reason told quietly or in unusual words
    (pinyin, Cantonese, sums in 万/w/k), against near misses in the same styles."""
    cases = dev_cases(DEV[16])
    assert DEV[16].name == "severity_dev20.yml"
    reasons = {reason for _, found in cases for reason in found}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    normal = sum(1 for _, found in cases if not found)
    assert 0.35 <= normal / len(cases) <= 0.45
    texts = [text for text, _ in cases]
    assert sum(1 for text in texts if any("a" <= char <= "z" for char in text)) >= 10


def test_the_pool_weight_is_chosen_within_the_bounds():
    """`--tune-budget`: the highest recall at precision >= 0.90 with <= 1 % ordinary fired."""
    from bench.severity_dev import BUDGETS, best_budget

    assert None in BUDGETS  # weight 1 each, as before, is measured too
    heavy = {"budget": None, "recall": 0.88, "precision": 0.92, "ordinary_fired": 0.002}
    light = {"budget": 0.25, "recall": 0.92, "precision": 0.91, "ordinary_fired": 0.007}
    noisy = {"budget": 0.1, "recall": 0.95, "precision": 0.91, "ordinary_fired": 0.012}
    loose = {"budget": 0.05, "recall": 0.96, "precision": 0.89, "ordinary_fired": 0.005}
    assert best_budget([heavy, light, noisy, loose]) == light
    assert best_budget([noisy, loose]) is None


def test_an_out_of_fold_row_scores_text_reasons_and_counts_alarms_on_normals():
    from bench.severity_dev import out_of_fold_row

    cases = [
        ("烫伤了", ["injury"]),  # caught
        ("要告你们", ["legal"]),  # missed: below the threshold
        ("一万块的手机", ["amount"]),  # not learnable; an alarm on it is no false alarm
        ("杯子碎了", []),  # a false alarm
        ("颜色不对", []),
    ]
    learned = [{"injury": 0.9}, {"legal": 0.4}, {"group": 0.8}, {"injury": 0.7}, None]
    ordinary = [{"media": 0.9}, None, {"legal": 0.1}, None]

    row = out_of_fold_row(cases, learned, ordinary, threshold=0.65)

    assert row == {"recall": 0.5, "precision": 0.5, "fp": 1, "ordinary_fired": 0.25}
