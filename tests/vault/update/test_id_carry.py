"""Item matching old → new: ids follow renamed and moved items, never wrong ones."""

from __future__ import annotations

import pytest

from roadvault.vault.update.id_carry import carry_over_ids, rename_score

from .helpers import ids_by_title, tree

OLD_SPEC = [
    (
        "Foundations",
        [("Linear Algebra", ["Vectors", "Matrices", "Eigenvalues"]), ("Calculus", ["Derivatives"])],
    ),
    ("Deep Learning", [("Networks", ["Perceptrons", "Backpropagation"]), ("CNNs", ["Pooling"])]),
]


def test_unchanged_roadmap_keeps_every_id() -> None:
    old, new = tree("R", OLD_SPEC), tree("R", OLD_SPEC)
    report = carry_over_ids(old, new)
    assert ids_by_title(new) == ids_by_title(old)
    assert report.renamed == [] and report.moved == []


def test_new_roadmap_title_still_matches_by_titles() -> None:
    old, new = tree("R", OLD_SPEC), tree("R v2", OLD_SPEC)
    assert ids_by_title(new) != ids_by_title(old)  # the hash changed with the title ...
    carry_over_ids(old, new)
    assert ids_by_title(new) == ids_by_title(old)  # ... the matcher brings the ids back


def test_renamed_leaf_keeps_its_id() -> None:
    old = tree("R", OLD_SPEC)
    new_spec = [
        (
            "Foundations",
            [
                ("Linear Algebra", ["Vectors", "Matrices and tensors", "Eigenvalues"]),
                ("Calculus", ["Derivatives"]),
            ],
        ),
        OLD_SPEC[1],
    ]
    new = tree("R", new_spec)
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Matrices and tensors"] == ids_by_title(old)["Matrices"]
    assert report.renamed == [("Matrices", "Matrices and tensors")]


def test_renamed_phase_matched_by_its_children() -> None:
    old = tree("R", OLD_SPEC)
    new = tree("R", [("Mathematics Primer", OLD_SPEC[0][1]), OLD_SPEC[1]])
    carry_over_ids(old, new)
    assert ids_by_title(new)["Mathematics Primer"] == ids_by_title(old)["Foundations"]
    assert ids_by_title(new)["Vectors"] == ids_by_title(old)["Vectors"]


def test_moved_leaf_keeps_its_id() -> None:
    old = tree("R", OLD_SPEC)
    new = tree(
        "R",
        [
            (
                "Foundations",
                [("Linear Algebra", ["Vectors", "Matrices"]), ("Calculus", ["Derivatives"])],
            ),
            (
                "Deep Learning",
                [
                    ("Networks", ["Perceptrons", "Backpropagation", "Eigenvalues"]),
                    ("CNNs", ["Pooling"]),
                ],
            ),
        ],
    )
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Eigenvalues"] == ids_by_title(old)["Eigenvalues"]
    assert report.moved == ["Eigenvalues"]


def test_replaced_item_is_not_a_rename() -> None:
    old = tree("R", [("P", ["CNNs"])])
    new = tree("R", [("P", ["RNNs"])])
    carry_over_ids(old, new)
    assert ids_by_title(new)["RNNs"] != ids_by_title(old)["CNNs"]


def test_ambiguous_move_is_not_guessed() -> None:
    old = tree("R", [("A", [("X", ["Projects", "Alpha"])]), ("B", [("Y", ["Projects", "Beta"])])])
    new = tree("R", [("C", [("Z", ["Projects", "Gamma"])])])
    # Two old "Projects" lost their parents and the new one's parent has no namesake:
    # either could be meant, so neither is guessed.
    carry_over_ids(old, new)
    old_ids = {n.id for n in old.walk() if n.title == "Projects"}
    new_ids = {n.id for n in new.walk() if n.title == "Projects"}
    assert not (old_ids & new_ids)


def test_same_children_mean_a_renamed_parent() -> None:
    old = tree("R", [("A", [("X", ["Projects"])])])
    new = tree("R", [("A", [("X2", ["Projects"])])])
    carry_over_ids(old, new)
    assert ids_by_title(new)["X2"] == ids_by_title(old)["X"]


def test_duplicate_titles_under_different_parents_stay_apart() -> None:
    spec = [("A", ["Projects", "Reading"]), ("B", ["Projects", "Reading"])]
    old, new = tree("R", spec), tree("R", spec)
    carry_over_ids(old, new)
    assert [n.id for n in new.walk()] == [n.id for n in old.walk()]
    assert len({n.id for n in new.walk()}) == len(list(new.walk()))


def test_split_topic_children_follow() -> None:
    old = tree("R", [("Maths", [("Calculus", ["Limits", "Derivatives", "Integrals", "Series"])])])
    new = tree(
        "R",
        [
            (
                "Maths",
                [
                    ("Calculus I", ["Limits", "Derivatives"]),
                    ("Calculus II", ["Integrals", "Series"]),
                ],
            )
        ],
    )
    carry_over_ids(old, new)
    old_ids, new_ids = ids_by_title(old), ids_by_title(new)
    for leaf in ("Limits", "Derivatives", "Integrals", "Series"):
        assert new_ids[leaf] == old_ids[leaf], leaf


def test_merged_topics_children_follow() -> None:
    old = tree("R", [("Maths", [("Algebra", ["Groups", "Rings"]), ("Geometry", ["Circles"])])])
    new = tree("R", [("Maths", [("Algebra and Geometry", ["Groups", "Rings", "Circles"])])])
    carry_over_ids(old, new)
    old_ids, new_ids = ids_by_title(old), ids_by_title(new)
    for leaf in ("Groups", "Rings", "Circles"):
        assert new_ids[leaf] == old_ids[leaf], leaf


def test_ids_stay_unique_after_matching() -> None:
    old = tree("R", OLD_SPEC)
    new = tree("R", [*OLD_SPEC, ("Extra", ["Vectors", "Matrices"])])
    carry_over_ids(old, new)
    ids = [n.id for n in new.walk()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Linear Algebra", "Linear Algebra Basics"),
        ("Intro to Probability", "Introduction to Probability"),
        ("Probability & Statistics", "Probability and Statistics"),
        ("Backpropagation", "Back-propagation"),
        ("Gradient descent", "Gradient Descent variants"),
        ("Recurrent neural networks", "Recurrent neural nets"),
        ("Docker for containerisation", "Docker for containerization"),
    ],
)
def test_rename_table_found(old: str, new: str) -> None:
    assert rename_score(old, new) > 0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("CNNs", "RNNs"),
        ("Calculus", "Statistics"),
        ("TensorFlow", "PyTorch"),
        ("Supervised learning", "Unsupervised clustering"),
        ("Week 1", "Week 2"),
        ("SQL joins", "NoSQL stores"),
        ("Part 10002 basics", "Part 10001 basics"),
        ("Chapter 12 exercises", "Chapter 13 exercises"),
    ],
)
def test_replacement_table_not_a_rename(old: str, new: str) -> None:
    assert rename_score(old, new) == 0


def test_namesakes_are_told_apart_by_their_children() -> None:
    old = tree("R", [("plain", ["a1", "a2"]), ("plain", ["b1", "b2"]), ("plain", ["c1"])])
    new = tree("R", [("revised", ["a1", "a2"]), ("plain", ["b1", "b2"]), ("plain", ["c1"])])
    carry_over_ids(old, new)
    assert [n.id for n in new.nodes][1:] == [n.id for n in old.nodes][1:]
    assert new.nodes[0].id == old.nodes[0].id  # renamed, recognised by its children


def test_moved_and_renamed_at_once_when_unambiguous() -> None:
    old = tree("R", [("A", ["Graph search", "Sorting"]), ("B", ["Hashing"])])
    new = tree("R", [("A", ["Sorting"]), ("B", ["Hashing", "Graph search basics"])])
    carry_over_ids(old, new)
    assert ids_by_title(new)["Graph search basics"] == ids_by_title(old)["Graph search"]


def test_moved_and_renamed_is_not_guessed_between_two_candidates() -> None:
    old = tree("R", [("A", ["Graph search", "Graph search tricks"]), ("B", ["Hashing"])])
    new = tree("R", [("A", ["Hashing"]), ("B", ["Graph search basics"])])
    carry_over_ids(old, new)
    new_id = ids_by_title(new)["Graph search basics"]
    assert new_id not in {n.id for n in old.walk()}


GO_OLD = [
    (
        "Basics",
        [
            (
                "Setup",
                [
                    "Download the toolchain",
                    "Install Go and set up VS Code with the Go extension",
                    "Write hello world",
                ],
            )
        ],
    )
]


def _reworded(spec: list, old_title: str, new_title: str) -> list:
    (phase, [(topic, items)]) = spec[0]
    return [(phase, [(topic, [new_title if i == old_title else i for i in items])])]


def test_item_reworded_in_the_same_place_keeps_its_id_and_says_so() -> None:
    """Before: a new id, the old ticked line archived, "done" dropped."""
    old_title = "Install Go and set up VS Code with the Go extension"
    new_title = "Install Go and set up your editor (VS Code or GoLand)"
    assert rename_score(old_title, new_title) == 0  # too large a rewording for the words
    old = tree("Go", GO_OLD)
    new = tree("Go", _reworded(GO_OLD, old_title, new_title))
    report = carry_over_ids(old, new)
    assert ids_by_title(new)[new_title] == ids_by_title(old)[old_title]
    assert report.reworded == [(old_title, new_title)]


@pytest.mark.parametrize(
    "spec",
    [
        # Two new items in the gap: which one is it? Keep both apart.
        [("Basics", [("Setup", ["Download the toolchain", "Set up an editor", "Pick a Go IDE",
                                "Write hello world"])])],
        # Nothing in common but the place: a replacement, not a rewording.
        [("Basics", [("Setup", ["Download the toolchain", "Read the language spec",
                                "Write hello world"])])],
    ],
)  # fmt: skip
def test_a_replacement_in_the_same_place_is_not_a_rewording(spec: list) -> None:
    old, new = tree("Go", GO_OLD), tree("Go", spec)
    report = carry_over_ids(old, new)
    old_id = ids_by_title(old)["Install Go and set up VS Code with the Go extension"]
    assert old_id not in set(ids_by_title(new).values())
    assert report.reworded == []


@pytest.mark.parametrize(
    ("old_title", "new_title"),
    [("New 1", "New 2"), ("Part 1", "Part 2"), ("Install Go", "Read the spec")],
)
def test_numbered_or_unrelated_neighbours_are_not_rewordings(
    old_title: str, new_title: str
) -> None:
    """Found by the regeneration property test: "New 1" removed and "New 2" added in its
    place is two items — handing over the tick would overstate progress."""
    spec = [("Basics", [("Setup", ["Download the toolchain", old_title, "Write hello world"])])]
    old = tree("Go", spec)
    new = tree("Go", _reworded(spec, old_title, new_title))
    report = carry_over_ids(old, new)
    assert ids_by_title(new)[new_title] != ids_by_title(old)[old_title]
    assert report.reworded == []


def test_a_title_extended_is_the_rename_not_a_sibling_one_word_apart() -> None:
    """Found by the regeneration soak: "Phase dune" (ticked) becomes "Phase dune basics"
    while its sibling "Phase jasper basics" leaves. The sibling's letters are closer
    (0.78 against 0.74), but "Phase dune basics" keeps every word of "Phase dune" and
    drops "jasper". Before: the id (and the tick) went to the sibling's, "Phase dune"
    archived and "Phase dune basics" `[ ]`."""
    old = tree("R", ["Phase jasper basics", "Phase dune"])
    new = tree("R", ["Phase dune basics"])
    assert rename_score("Phase dune", "Phase dune basics") > rename_score(
        "Phase jasper basics", "Phase dune basics"
    )
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Phase dune basics"] == ids_by_title(old)["Phase dune"]
    assert report.renamed == [("Phase dune", "Phase dune basics")]


def test_two_topics_that_swap_phases_are_moves_not_rewordings() -> None:
    """Found by the regeneration soak: "Topic cedar" goes to Phase ember and "Topic fjord"
    to Phase alpha, each into the other's old place. Before: each was taken for the other
    reworded in place — the notes swapped ids (and the learner's lines with them)."""
    old = tree(
        "R",
        [
            ("Phase alpha", ["Topic bravo", ("Topic cedar", ["Delta"])]),
            ("Phase ember", [("Topic fjord", ["Gamma", "Harbor"])]),
        ],
    )
    new = tree(
        "R",
        [
            ("Phase alpha", ["Topic bravo", ("Topic fjord", ["Gamma", "Harbor"])]),
            ("Phase ember", [("Topic cedar", ["Delta"])]),
        ],
    )
    before = ids_by_title(old)
    report = carry_over_ids(old, new)
    after = ids_by_title(new)
    assert (after["Topic cedar"], after["Topic fjord"]) == (
        before["Topic cedar"],
        before["Topic fjord"],
    )
    assert report.reworded == []
    assert {"Topic cedar", "Topic fjord"} <= set(report.moved)


def test_a_word_every_sibling_has_is_no_evidence_of_a_rewording() -> None:
    """Found by the regeneration soak: "Phase gamma" (ticked, last) leaves and "Phase
    alpha" comes back at the end. They share only "Phase", which every phase has. Before:
    taken as gamma reworded, alpha got gamma's id and tick."""
    old = tree("R", ["Phase bravo", "Phase delta", "Phase gamma"])
    new = tree("R", ["Phase bravo", "Phase delta", "Phase alpha"])
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Phase alpha"] != ids_by_title(old)["Phase gamma"]
    assert report.reworded == []
    # a real rewording beside the same siblings still keeps its id
    new = tree("R", ["Phase bravo", "Phase delta", "Phase gamma rays"])
    carry_over_ids(old, new)
    assert ids_by_title(new)["Phase gamma rays"] == ids_by_title(old)["Phase gamma"]


def test_a_sibling_renamed_beside_a_removed_item_of_another_number_keeps_its_own_id() -> None:
    """Found by the long soak: "Part 10002 basics" (ticked) leaves while its sibling "Part
    10001" becomes "Part 10001 basics". The letters of the removed one are closer (0.94
    against 0.93), but its number is another. Before: the sibling took the removed item's
    id, so its tick — a tick on an item the learner never ticked, and the removed one's
    lost from the archive."""
    old = tree("R", [("Phase alpha", ["Part 10001", "Part 10002 basics"])])
    new = tree("R", [("Phase alpha", ["Part 10001 basics"])])
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Part 10001 basics"] == ids_by_title(old)["Part 10001"]
    assert report.renamed == [("Part 10001", "Part 10001 basics")]


def test_an_item_renamed_to_exactly_a_removed_siblings_title_is_that_sibling() -> None:
    """The roadmap removes "Docker basics" and renames its sibling "Containers" to "Docker
    basics". The learner's item is the one with that title: it keeps its id (so its tick,
    and the lines under it), and "Containers", gone, is archived if worked on — no tick is
    handed to an item the learner never ticked. (The other reading, "Containers" renamed,
    would show the learner's "Docker basics" unticked beside its archived tick.)"""
    old = tree("R", [("Phase", ["Docker basics", "Containers"])])
    new = tree("R", [("Phase", ["Docker basics"])])
    report = carry_over_ids(old, new)
    assert ids_by_title(new)["Docker basics"] == ids_by_title(old)["Docker basics"]
    assert report.renamed == []
