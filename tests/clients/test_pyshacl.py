"""pySHACL validates the downloaded dump against the published shapes, and catches a broken
copy.

pySHACL evaluates the shapes' SPARQL constraints in pure Python: on the whole dump (70,000
triples) one validation takes over five minutes. Jena's validator checks the whole dump in
seconds (test_jena.py); here pySHACL checks a sample of focus nodes, against the whole dump as
data graph: entities of several kinds, their statement nodes and those statements' references.
"""

import pyshacl
import rdflib

SK = rdflib.Namespace("https://w3id.org/sunan-kg/ontology#")
SKE = rdflib.Namespace("https://w3id.org/sunan-kg/id/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
STATEMENT_LINK = "https://w3id.org/sunan-kg/prop/"
STATEMENT_VALUE = "https://w3id.org/sunan-kg/prop/statement/"

# A loan product, a park, a task, a document, a target, an industry and a body.
SAMPLE = [
    "sukedai",
    "changzhou-kejiaocheng",
    "changzhou-2018-task-19",
    "changzhou-2018",
    "xinnengyuan",
    "changzhou-shi-kejiju",
]


def validate(data, shapes, focus_nodes):
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, advanced=True, focus_nodes=focus_nodes
    )
    focus = {str(o) for o in report.objects(None, SH.focusNode)}
    return conforms, focus, text


def sample_nodes(data):
    """The sample entities, every statement node they link to, and those statements' references."""
    nodes = []
    for name in SAMPLE:
        entity = SKE[name]
        assert (entity, None, None) in data, name
        nodes.append(entity)
        for predicate, statement in data.predicate_objects(entity):
            if str(predicate).startswith(STATEMENT_LINK) and not str(predicate).startswith(STATEMENT_VALUE):
                nodes.append(statement)
                nodes.extend(data.objects(statement, PROV.wasDerivedFrom))
    return nodes


def test_the_dump_conforms_and_a_broken_copy_does_not(dumps):
    shapes = rdflib.Graph().parse(dumps["shapes.ttl"], format="turtle")
    data = rdflib.Graph().parse(dumps["sunan-kg.nt"], format="nt")
    nodes = sample_nodes(data)
    assert len(nodes) > 100, len(nodes)
    conforms, _, text = validate(data, shapes, nodes)
    assert conforms, text

    # A curator's mistakes, as they would show up in the RDF.
    label = next(o for o in data.objects(SKE.sukedai, rdflib.RDFS.label) if o.language and o.language.lower() == "zh-hans")
    data.remove((SKE.sukedai, rdflib.RDFS.label, label))
    # heldIn is for events; 苏科贷 is a loan product.
    data.add((SKE.sukedai, SK.heldIn, SKE.changzhou))
    reference = next(data.subjects(rdflib.RDF.type, SK.Reference))
    data.remove((reference, SK.quote, None))
    conforms, focus, text = validate(data, shapes, [SKE.sukedai, reference])
    assert not conforms
    assert str(SKE.sukedai) in focus, text
    assert str(reference) in focus, text
