"""SPARQLWrapper against /sparql, in every results format and every RDF format."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper, POST

from conftest import example_queries

PREFIXES = """PREFIX sk: <https://w3id.org/sunan-kg/ontology#>
PREFIX ske: <https://w3id.org/sunan-kg/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
LABEL = PREFIXES + 'SELECT ?label WHERE { ske:sukedai rdfs:label ?label FILTER(langMatches(lang(?label), "zh-Hans")) }'
CONSTRUCT = PREFIXES + "CONSTRUCT { ?s sk:heldIn ?o } WHERE { ?s sk:heldIn ?o }"


def client(server, query, fmt, method=None):
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql.query()


@pytest.mark.parametrize("method", [None, POST])
def test_select_in_every_results_format(server, method):
    result = client(server, LABEL, JSON, method).convert()
    assert [b["label"]["value"] for b in result["results"]["bindings"]] == ["苏科贷"]

    root = client(server, LABEL, XML, method).convert()
    literals = [e.firstChild.data for e in root.getElementsByTagName("literal")]
    assert literals == ["苏科贷"]

    rows = list(csv.reader(io.StringIO(client(server, LABEL, CSV, method).convert().decode())))
    assert rows == [["label"], ["苏科贷"]]

    lines = client(server, LABEL, TSV, method).convert().decode().splitlines()
    assert lines[0] == "?label" and lines[1].startswith('"苏科贷"@zh-'), lines


def test_ask(server):
    result = client(server, PREFIXES + "ASK { ske:sukedai a sk:FinancialProduct }", JSON).convert()
    assert result["boolean"] is True


@pytest.mark.parametrize(
    "fmt,parse_as",
    [(TURTLE, "turtle"), (N3, "turtle"), (RDFXML, "xml"), (JSONLD, "json-ld")],
)
def test_construct_in_every_rdf_format(server, fmt, parse_as):
    response = client(server, CONSTRUCT, fmt)
    graph = rdflib.Graph()
    body = response.response.read()
    graph.parse(data=body, format=parse_as)
    heldin = rdflib.URIRef("https://w3id.org/sunan-kg/ontology#heldIn")
    assert len(graph) > 5
    assert all(p == heldin for _, p, _ in graph)


def test_syntax_errors_and_updates_are_refused(server):
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, EndPointInternalError
    from urllib.error import HTTPError

    with pytest.raises(QueryBadFormed) as error:
        client(server, "SELECT ?x WHERE { ?x", JSON)
    assert "syntax error" in str(error.value)
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")
    sparql.setMethod(POST)
    with pytest.raises((HTTPError, Exception)) as error:
        sparql.query()
    assert "403" in str(error.value) or "read only" in str(error.value)


@pytest.mark.parametrize("path", example_queries(), ids=lambda p: p.name)
def test_example_queries_answer(server, path):
    result = client(server, path.read_text(), JSON).convert()
    assert result["results"]["bindings"], path.name
