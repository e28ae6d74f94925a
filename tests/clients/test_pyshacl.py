"""pySHACL validates the downloaded dump against the published shapes, and catches a broken
copy."""

import pyshacl
import rdflib

SK = rdflib.Namespace("https://w3id.org/sunan-kg/ontology#")
SKE = rdflib.Namespace("https://w3id.org/sunan-kg/id/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def validate(data, shapes):
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    focus = {str(o) for o in report.objects(None, SH.focusNode)}
    return conforms, focus, text


def test_the_dump_conforms_and_a_broken_copy_does_not(dumps):
    shapes = rdflib.Graph().parse(dumps["shapes.ttl"], format="turtle")
    data = rdflib.Graph().parse(dumps["sunan-kg.nt"], format="nt")
    conforms, _, text = validate(data, shapes)
    assert conforms, text

    # A curator's mistakes, as they would show up in the RDF.
    label = next(o for o in data.objects(SKE.sukedai, rdflib.RDFS.label) if o.language and o.language.lower() == "zh-hans")
    data.remove((SKE.sukedai, rdflib.RDFS.label, label))
    # heldIn is for events; 苏科贷 is a loan product.
    data.add((SKE.sukedai, SK.heldIn, SKE.changzhou))
    reference = next(data.subjects(rdflib.RDF.type, SK.Reference))
    data.remove((reference, SK.quote, None))
    conforms, focus, text = validate(data, shapes)
    assert not conforms
    assert str(SKE.sukedai) in focus, text
    assert str(reference) in focus, text
