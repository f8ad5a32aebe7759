"""The generator's data as frozen snapshots (lab/readergen/snapshots.py): every edition loads as the
manifest records it, and a data file or a recipe entry that differs from its snapshot is refused, by name."""

import json
import shutil
from pathlib import Path

import pytest

from readergen import snapshots

FILE = "fields/product/general.json"


@pytest.fixture
def data(tmp_path):
    """A copy of the generator's data to tamper with."""
    root = tmp_path / "data"
    shutil.copytree(snapshots.DATA, root)
    return str(root)


def test_every_edition_is_its_recorded_snapshot():
    assert snapshots.check() == [1, 2, 3, 4, 5]
    recorded = snapshots.manifest()
    for number in snapshots.recipe():
        assert snapshots.edition_digest(snapshots.recipe(), number, recorded["files"]) == recorded["editions"][str(number)]


def test_a_tampered_data_file_is_refused_by_name(data):
    path = Path(data) / FILE
    path.write_text(path.read_text(encoding="utf-8").replace("costs {V}", "costs about {V}", 1), encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError, match=f"^{FILE} has sha256 .* not the .* that manifest.json records"):
        snapshots.tables("product_fields", edition=1, root=data)
    assert snapshots.tables("company_fields", edition=1, root=data)  # the other files still load
    snapshots.freeze(data)  # freezing again records nothing new over a recorded file
    with pytest.raises(snapshots.SnapshotError, match=FILE):
        snapshots.load(FILE, root=data)


def test_a_changed_edition_is_refused(data):
    recipe_path = Path(data) / snapshots.RECIPE
    recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    recipe["editions"]["4"]["turns_on"].remove("transposed_tables")
    recipe_path.write_text(json.dumps(recipe), encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError, match="recipe.json: edition 4 is not the snapshot"):
        snapshots.features(4, root=data)


def test_a_new_edition_is_frozen_beside_the_others(data):
    """Adding an edition records its files and digest; the recorded editions keep theirs."""
    before = json.loads((Path(data) / snapshots.MANIFEST).read_text())
    (Path(data) / "phrases" / "edition-6.json").write_text('{"new_phrases": ["hello"]}\n')
    recipe_path = Path(data) / snapshots.RECIPE
    recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    recipe["editions"]["6"] = {"adds": {"phrases": ["phrases/edition-6.json"]}, "turns_on": ["something_new"]}
    recipe_path.write_text(json.dumps(recipe), encoding="utf-8")
    after = snapshots.freeze(data)
    assert {k: after["editions"][k] for k in before["editions"]} == before["editions"]
    assert snapshots.features(6, root=data) == snapshots.features(5) | {"something_new"}
    assert snapshots.phrases(root=data)["new_phrases"] == ("hello",)


def test_an_unknown_edition_is_refused():
    with pytest.raises(snapshots.SnapshotError, match="no edition 7"):
        snapshots.features(7)
