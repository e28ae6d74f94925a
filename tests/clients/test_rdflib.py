"""rdflib: load the downloaded Turtle dump and get the same answers as the endpoint; read an
entity's IRI with content negotiation."""

import decimal

import pytest
import rdflib
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import example_queries, fetch


@pytest.fixture(scope="session")
def local_graph(dumps):
    graph = rdflib.Graph()
    graph.parse(dumps["sunan-kg.ttl"], format="turtle")
    return graph


def norm(value):
    """Numbers compare by value: rdflib writes the decimal 46 as 46.0."""
    if value is None:
        return None
    try:
        return str(decimal.Decimal(value).normalize())
    except decimal.InvalidOperation:
        return value


def endpoint_rows(server, query):
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(JSON)
    result = sparql.query().convert()
    names = result["head"]["vars"]
    return names, sorted(
        tuple(norm(b[n]["value"]) if n in b else None for n in names) for b in result["results"]["bindings"]
    )


def test_the_dump_holds_the_whole_graph(local_graph, dumps):
    ntriples = rdflib.Graph()
    ntriples.parse(dumps["sunan-kg.nt"], format="nt")
    assert len(local_graph) == len(ntriples) > 30000
    jsonld = rdflib.Graph()
    jsonld.parse(dumps["sunan-kg.jsonld"], format="json-ld")
    assert len(jsonld) == len(ntriples)


@pytest.mark.parametrize("path", example_queries(), ids=lambda p: p.name)
def test_same_answers_from_the_dump_as_from_the_endpoint(server, local_graph, path):
    query = path.read_text()
    names, remote = endpoint_rows(server, query)
    local = sorted(
        tuple(None if row[n] is None else norm(str(row[n])) for n in names)
        for row in local_graph.query(query)
    )
    assert remote, path.name
    assert local == remote, path.name


def test_an_entity_iri_dereferences_as_turtle(server):
    graph = rdflib.Graph()
    graph.parse(data=fetch(server + "/id/changzhou-kejiaocheng", "text/turtle"), format="turtle")
    entity = rdflib.URIRef("https://w3id.org/sunan-kg/id/changzhou-kejiaocheng")
    labels = {str(o) for o in graph.objects(entity, rdflib.RDFS.label)}
    assert "常州科教城" in labels
    quotes = list(graph.objects(None, rdflib.URIRef("https://w3id.org/sunan-kg/ontology#quote")))
    assert quotes, "the evidence comes with the entity"
    jsonld = rdflib.Graph()
    jsonld.parse(data=fetch(server + "/id/changzhou-kejiaocheng", "application/ld+json"), format="json-ld")
    assert len(jsonld) == len(graph)


def test_the_vocabulary_is_served_and_declares_its_classes(server):
    graph = rdflib.Graph()
    graph.parse(data=fetch(server + "/ontology", "text/turtle"), format="turtle")
    park = rdflib.URIRef("https://w3id.org/sunan-kg/ontology#Park")
    assert (park, rdflib.RDF.type, rdflib.OWL.Class) in graph
    languages = {o.language.lower() for o in graph.objects(park, rdflib.RDFS.label)}
    assert languages == {"zh-hans", "en"}
