"""The network and table exports, read by the tools researchers use: networkx and igraph read
every GEXF and GraphML file, networkx recomputes the centralities the API reports, and csvw
and pandas read the CSV files with their CSVW metadata."""

import io
import json
import urllib.request

import csvw
import igraph
import networkx as nx
import pandas as pd
import pytest

from conftest import fetch

NETWORK_QUERY = """
query($document: ID, $collective: Boolean!) {
  agencyNetwork(document: $document, collective: $collective) {
    modularity
    nodes { agency { id } collective provisions degree weightedDegree betweenness closeness eigenvector community }
    edges { source { id } target { id } weight }
  }
}
"""

SCOPES = [
    (None, True),
    (None, False),
    ("changzhou-2018", True),
    ("changzhou-2018", False),
    ("jiangyin-2023", True),
    ("jiangyin-2023", False),
]


def graphql(server, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        server + "/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def query_string(document, collective):
    parts = []
    if document:
        parts.append(f"document={document}")
    if not collective:
        parts.append("collective=false")
    return ("?" + "&".join(parts)) if parts else ""


def api_network(server, document, collective):
    return graphql(server, NETWORK_QUERY, {"document": document, "collective": collective})[
        "agencyNetwork"
    ]


@pytest.mark.parametrize("document,collective", SCOPES)
def test_networkx_reads_gexf_and_recomputes_every_centrality(server, document, collective):
    api = api_network(server, document, collective)
    gexf = fetch(server + "/export/agency-network.gexf" + query_string(document, collective))
    graph = nx.read_gexf(io.BytesIO(gexf))
    assert not graph.is_directed()
    assert graph.number_of_nodes() == len(api["nodes"])
    assert graph.number_of_edges() == len(api["edges"])
    by_id = {n["agency"]["id"]: n for n in api["nodes"]}
    assert set(graph.nodes) == set(by_id)
    for source, target, data in graph.edges(data=True):
        assert data["weight"] == next(
            e["weight"]
            for e in api["edges"]
            if {e["source"]["id"], e["target"]["id"]} == {source, target}
        )
    betweenness = nx.betweenness_centrality(graph)
    closeness = nx.closeness_centrality(graph)
    eigenvector = nx.eigenvector_centrality(graph, weight="weight", max_iter=1000)
    for node, attributes in graph.nodes(data=True):
        reported = by_id[node]
        assert graph.degree(node) == reported["degree"]
        assert graph.degree(node, weight="weight") == reported["weightedDegree"]
        assert reported["betweenness"] == pytest.approx(betweenness[node], abs=1e-9)
        assert reported["closeness"] == pytest.approx(closeness[node], abs=1e-9)
        assert reported["eigenvector"] == pytest.approx(eigenvector[node], abs=1e-4)
        # The file carries the same figures as the API.
        assert attributes["betweenness"] == pytest.approx(reported["betweenness"])
        assert attributes["community"] == reported["community"]
        assert attributes["collective"] == reported["collective"]
    communities = {}
    for node in api["nodes"]:
        communities.setdefault(node["community"], set()).add(node["agency"]["id"])
    modularity = nx.community.modularity(graph, communities.values(), weight="weight")
    assert api["modularity"] == pytest.approx(modularity, abs=1e-9)
    # Louvain as networkx runs it finds no markedly better partition.
    best = max(
        nx.community.modularity(
            graph, nx.community.louvain_communities(graph, weight="weight", seed=seed)
        )
        for seed in range(5)
    )
    assert api["modularity"] >= best - 0.05


def test_a_document_that_names_no_responsible_agency_has_an_empty_network(server):
    # The Zhenjiang 2017 work points print no 牵头单位 at all.
    api = api_network(server, "zhenjiang-2017", True)
    assert api["nodes"] == [] and api["edges"] == []
    graph = nx.read_gexf(io.BytesIO(fetch(server + "/export/agency-network.gexf?document=zhenjiang-2017")))
    assert graph.number_of_nodes() == 0


def test_collective_parties_are_left_out_on_request(server):
    with_collective = api_network(server, "changzhou-2018", True)
    without = api_network(server, "changzhou-2018", False)
    collective = [n["agency"]["id"] for n in with_collective["nodes"] if n["collective"]]
    assert collective == ["changzhou-gexiashi-qu-zhengfu"]
    assert {n["agency"]["id"] for n in without["nodes"]} == {
        n["agency"]["id"] for n in with_collective["nodes"]
    } - set(collective)


@pytest.mark.parametrize("document,collective", SCOPES[:3])
def test_networkx_and_igraph_read_graphml(server, tmp_path, document, collective):
    api = api_network(server, document, collective)
    body = fetch(server + "/export/agency-network.graphml" + query_string(document, collective))
    graph = nx.read_graphml(io.BytesIO(body))
    assert graph.number_of_nodes() == len(api["nodes"])
    assert graph.number_of_edges() == len(api["edges"])
    node = next(iter(graph.nodes(data=True)))[1]
    assert {"label", "kind", "betweenness", "closeness", "eigenvector", "community"} <= set(node)
    (tmp_path / "network.graphml").write_bytes(body)
    other = igraph.Graph.Read_GraphML(str(tmp_path / "network.graphml"))
    assert other.vcount() == len(api["nodes"])
    assert other.ecount() == len(api["edges"])
    assert sorted(other.strength(weights="weight")) == sorted(
        n["weightedDegree"] for n in api["nodes"]
    )


def test_whole_graph_and_a_neighbourhood_read_in_networkx(server):
    counts = graphql(server, "{ statistics { entities relations } }")["statistics"]
    whole = nx.read_graphml(io.BytesIO(fetch(server + "/export/graph.graphml")))
    assert whole.is_directed()
    assert whole.number_of_nodes() == counts["entities"]
    assert whole.number_of_edges() == counts["relations"]
    gexf = nx.read_gexf(io.BytesIO(fetch(server + "/export/graph.gexf")))
    assert gexf.number_of_nodes() == counts["entities"]
    around = nx.read_gexf(
        io.BytesIO(fetch(server + "/export/neighborhood.gexf?id=sukedai&hops=1"))
    )
    assert "sukedai" in around
    assert all(around.has_edge("sukedai", n) or around.has_edge(n, "sukedai") for n in around if n != "sukedai")
    assert {d["kind"] for _, _, d in around.edges(data=True)} <= {
        t["id"] for t in graphql(server, "{ relationKinds { id structural } }")["relationKinds"] if not t["structural"]
    }


def test_csvw_reads_the_instrument_coding_with_its_metadata(server, tmp_path):
    (tmp_path / "instruments.csv").write_bytes(fetch(server + "/export/instruments.csv"))
    metadata = json.loads(fetch(server + "/export/instruments.csv-metadata.json"))
    metadata["url"] = "instruments.csv"
    (tmp_path / "instruments.csv-metadata.json").write_text(json.dumps(metadata))
    table = csvw.Table.from_file(tmp_path / "instruments.csv-metadata.json")
    rows = list(table.iterdicts())
    codes = graphql(server, "{ instrumentCodes { cue tool { id } provision { id } } }")[
        "instrumentCodes"
    ]
    assert len(rows) == len(codes)
    assert isinstance(rows[0]["year"], int)
    assert {r["type"] for r in rows} == {"supply", "environment", "demand"}
    for row, code in zip(rows, codes):
        assert (row["provision_id"], row["tool"], row["cue"]) == (
            code["provision"]["id"],
            code["tool"]["id"],
            code["cue"],
        )
        assert row["cue"] in row["quote"]


def test_pandas_reads_tables_and_matrices(server):
    table = graphql(server, "{ instrumentTable(by: DOCUMENT) { rows { key cells { concept { id } count } } } }")
    matrix = pd.read_csv(io.BytesIO(fetch(server + "/export/instrument-document-matrix.csv")), index_col="instrument")
    for row in table["instrumentTable"]["rows"]:
        for cell in row["cells"]:
            assert matrix.loc[cell["concept"]["id"], row["key"]] == cell["count"]
    agencies = pd.read_csv(io.BytesIO(fetch(server + "/export/agency-matrix.csv?document=jiangyin-2023")), index_col="agency")
    assert (agencies.values == agencies.values.T).all()
    edges = pd.read_csv(io.BytesIO(fetch(server + "/export/agency-network.csv?document=jiangyin-2023")))
    for edge in edges.itertuples():
        assert agencies.loc[edge.source, edge.target] == edge.weight
    entities = pd.read_csv(io.BytesIO(fetch(server + "/export/entity-document-matrix.csv")))
    recurring = graphql(server, "{ recurringEntities { entity { id } } }")["recurringEntities"]
    assert (entities["documents"] > 1).sum() == len(recurring)
