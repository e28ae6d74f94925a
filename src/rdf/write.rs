//! Serialising triples in any RDF format, with the graph's prefixes. JSON-LD goes through
//! `oxjsonld` directly, because oxigraph's generic serialiser ignores prefixes for it and a
//! readable `@context` matters to people who open the file.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, QuadRef, Triple};
use oxjsonld::JsonLdSerializer;

/// Every RDF format the service writes (not N3, which nothing here needs).
pub const RDF_FORMATS: [RdfFormat; 6] = [
    RdfFormat::Turtle,
    RdfFormat::NTriples,
    RdfFormat::RdfXml,
    RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    },
    RdfFormat::TriG,
    RdfFormat::NQuads,
];

/// Writes `triples` in the default graph, in `format`, declaring `prefixes` where the format
/// has prefixes. The order of the output is the order of `triples`.
pub fn write_triples<'a, W: Write>(
    triples: impl IntoIterator<Item = &'a Triple>,
    format: RdfFormat,
    prefixes: &[(&str, String)],
    writer: W,
) -> std::io::Result<W> {
    write_triples_in(
        triples,
        format,
        prefixes,
        GraphNameRef::DefaultGraph,
        writer,
    )
}

/// Like [`write_triples`], with the triples in `graph` for the formats that name graphs (TriG,
/// N-Quads); the others have only a default graph.
pub fn write_triples_in<'a, W: Write>(
    triples: impl IntoIterator<Item = &'a Triple>,
    format: RdfFormat,
    prefixes: &[(&str, String)],
    graph: GraphNameRef<'_>,
    writer: W,
) -> std::io::Result<W> {
    // JSON-LD could name graphs too, but its readers take a dump as one default graph.
    let graph = if matches!(format, RdfFormat::TriG | RdfFormat::NQuads) {
        graph
    } else {
        GraphNameRef::DefaultGraph
    };
    if matches!(format, RdfFormat::JsonLd { .. }) {
        let mut serializer = JsonLdSerializer::new();
        for (prefix, namespace) in prefixes {
            serializer = serializer
                .with_prefix(*prefix, namespace)
                .map_err(std::io::Error::other)?;
        }
        let mut writer = serializer.for_writer(writer);
        for triple in triples {
            writer.serialize_quad(QuadRef::new(
                &triple.subject,
                &triple.predicate,
                &triple.object,
                graph,
            ))?;
        }
        return writer.finish();
    }
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, namespace) in prefixes {
        serializer = serializer
            .with_prefix(*prefix, namespace)
            .map_err(std::io::Error::other)?;
    }
    let mut writer = serializer.for_writer(writer);
    for triple in triples {
        writer.serialize_quad(QuadRef::new(
            &triple.subject,
            &triple.predicate,
            &triple.object,
            graph,
        ))?;
    }
    writer.finish()
}

/// `triples` in `format`, as bytes.
pub fn triples_to_bytes(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(&str, String)],
) -> std::io::Result<Vec<u8>> {
    write_triples(triples, format, prefixes, Vec::new())
}
