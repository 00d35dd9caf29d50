"""Charts of the Part II opener, on tiny inline frames."""

import pandas as pd
import pytest

from lib import charts, theme


@pytest.fixture
def products():
    return pd.DataFrame({"row": [1, 2, 3], "company": ["NVIDIA", "Habana Labs", "Hailo"], "product": ["A100", "Goya", "H8"],
                         "hardware_class_printed": ["CPU", "NPU", "NPU"], "purpose_printed": ["Cloud", "Edge", None]})


@pytest.fixture
def corrections():
    return pd.DataFrame({"correction_id": ["A1", "A6"], "dataset": ["flagship_products"] * 2,
                         "record": ["product=A100", "product=Goya"], "field": ["hardware_class_printed", "purpose_printed"],
                         "printed_value": ["CPU", "Edge"], "corrected_value": ["GPU", "Cloud"]})


def _rows(spec):
    return [r for d in spec["datasets"].values() for r in d]


def test_product_chart_has_a_printed_corrected_toggle(products, corrections):
    spec = charts.product_purpose_chart(products, corrections).to_dict()
    names = {p["name"]: p for p in spec["params"]}
    assert names["purpose_view"]["bind"]["input"] == "radio"
    assert names["purpose_view"]["bind"]["options"] == ["As printed", "Corrected"]
    assert "purpose_view" in spec["transform"][0]["calculate"]
    assert spec["encoding"]["x"]["field"] == "purpose_shown"
    rows = {r["product"]: r for r in _rows(spec)}
    assert rows["Goya"]["purpose_corrected"] == "Cloud" and rows["Goya"]["purpose_printed"] == "Edge"
    assert rows["A100"]["class_corrected"] == "GPU (A1)"
    assert rows["H8"]["purpose_printed"] == "Not printed"
    assert spec["encoding"]["color"]["scale"] == theme.colour_scale("hardware_class", ["CPU", "NPU"]).to_dict()
    assert spec["encoding"]["opacity"]["condition"]["param"] == "class_pick"


def test_product_chart_without_corrections_shows_printed(products):
    spec = charts.product_purpose_chart(products).to_dict()
    assert spec["encoding"]["x"]["field"] == "purpose_printed"
    assert [p["name"] for p in spec["params"]] == ["class_pick"]


@pytest.fixture
def stack():
    return pd.DataFrame({"company": ["Habana Labs", "Habana Labs", "Habana Labs", "Intel"],
                         "software": ["SynapseAI", "compiler", "PyTorch", "SGX"],
                         "part_of": [None, "SynapseAI", None, None],
                         "layer": [None, "Deep Learning Compiler", "Deep Learning Platform", None],
                         "own_software": [True, True, False, True],
                         "layer_evidence": ["umbrella", "stated", "stated", "outside the layers"]})


@pytest.fixture
def layers():
    return pd.DataFrame({"layer": ["Cloud Service", "Deep Learning Platform", "Deep Learning Compiler",
                                   "Runtime Library & Driver"], "order": [1, 2, 3, 4]})


def test_stack_cells_leave_umbrellas_out(stack, layers):
    cells = charts.stack_cells(stack, layers)
    assert len(cells) == 3
    outside = cells[cells["company"] == "Intel"].iloc[0]
    assert outside["layer"] == "Outside the four layers" and outside["items"] == 1
    platform = cells[cells["layer"] == "Deep Learning Platform"].iloc[0]
    assert platform["own"] == 0 and "third-party" in platform["software"]


def test_stack_count_colours_and_order(stack, layers):
    spec = charts.stack_count_chart(stack, layers).to_dict()
    rects = spec["layer"][0]
    assert rects["encoding"]["color"]["scale"]["range"] == [theme.COLOURS["layer"][k] for k in rects["encoding"]["color"]["scale"]["domain"]]
    assert rects["encoding"]["x"]["sort"] == ["Platform", "Compiler", "Outside"]
    assert rects["encoding"]["y"]["sort"] == ["Intel", "Habana Labs"]
    assert spec["title"]["subtitle"][0].startswith("Source:")


def test_company_metrics_and_chart(stack):
    rounds = pd.DataFrame({"company": ["Hailo", "Hailo"], "currency": ["USD", "EUR"], "amount_million": [60.0, 3.0]})
    products = pd.DataFrame({"company": ["Hailo", "Intel", "Intel"]})
    deals = pd.DataFrame({"acquirer": ["Intel", "NVIDIA"]})
    claims = pd.DataFrame({"report_section": ["§9 Hailo", "§ Success factors"], "company": ["Hailo", "Hailo"]})
    metrics = charts.company_metrics(rounds=rounds, products=products, stack=stack, deals=deals, claims=claims,
                                     nvidia_investments=pd.DataFrame({"investee": ["a", "b"]}))
    value = metrics.set_index(["company", "metric"])["value"]
    m = charts.leaders.METRICS
    assert value["Hailo", m["funding"]] == 60.0 and value["Hailo", m["rounds"]] == 2
    assert ("Intel", m["funding"]) not in value.index
    assert value["NVIDIA", m["deals"]] == 3 and value["Hailo", m["claims"]] == 1
    assert value["Habana Labs", m["software"]] == 2
    static = charts.leaders_metric_chart(metrics).to_dict()
    param = static["params"][0]
    assert param["bind"]["input"] == "select" and param["value"] == m["funding"]
    assert static["transform"][0]["filter"] == "(datum['metric'] === metric_pick)"
    fixed = charts.leaders_metric_chart(metrics, metric=m["products"], companies=["Intel", "Hailo"]).to_dict()
    assert "params" not in fixed and fixed["encoding"]["x"]["title"] == m["products"]
    assert {r["company"] for r in _rows(fixed)} == {"Intel", "Hailo"}
    assert fixed["encoding"]["color"]["scale"] == theme.colour_scale("company", ["Intel", "Hailo"]).to_dict()


def test_leader_roster_groups():
    companies = pd.DataFrame({"company": ["Tesla", "Intel", "ARM"], "kind": ["automaker", "integrated device manufacturer",
                                                                            "IP licensor"], "profiled": [True, True, False]})
    roster = charts.leader_roster(companies)
    assert roster["company"].tolist() == ["Intel", "Tesla"]
    assert roster["group"].tolist() == ["Incumbent chip maker", "Carmaker"]
