//! Content negotiation for SPARQL results: picks a format from an HTTP `Accept` header,
//! honouring q-values.

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// The result formats offered for SELECT and ASK, first is the default.
pub const SOLUTION_FORMATS: [QueryResultsFormat; 4] = [
    QueryResultsFormat::Json,
    QueryResultsFormat::Xml,
    QueryResultsFormat::Csv,
    QueryResultsFormat::Tsv,
];

/// The RDF formats offered for CONSTRUCT and DESCRIBE; first is the default.
pub fn graph_formats() -> [RdfFormat; 6] {
    crate::rdf::RDF_FORMATS
}

/// The media ranges of an `Accept` header, best first (by q-value, then by order). Ranges with
/// `q=0` are dropped, since they mean "not acceptable".
pub fn media_ranges(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, position, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().map(|(_, _, media)| media).collect()
}

/// Picks the first offered format that an `Accept` header allows. `None` when none does; a
/// missing header allows the default.
pub fn choose<F: Copy>(
    accept: Option<&str>,
    offered: &[F],
    media_type: impl Fn(F) -> &'static str,
    from_media_type: impl Fn(&str) -> Option<F>,
    same: impl Fn(F, F) -> bool,
) -> Option<F> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    for range in media_ranges(accept) {
        if range == "*/*" {
            return offered.first().copied();
        }
        if let Some(prefix) = range.strip_suffix("/*") {
            if let Some(&format) = offered
                .iter()
                .find(|&&f| media_type(f).starts_with(&format!("{prefix}/")))
            {
                return Some(format);
            }
            continue;
        }
        if let Some(format) = from_media_type(&range)
            && let Some(&offer) = offered.iter().find(|&&o| same(o, format))
        {
            return Some(offer);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solutions(accept: Option<&str>) -> Option<QueryResultsFormat> {
        choose(
            accept,
            &SOLUTION_FORMATS,
            QueryResultsFormat::media_type,
            QueryResultsFormat::from_media_type,
            |a, b| a == b,
        )
    }

    #[test]
    fn q_values_decide() {
        assert_eq!(
            solutions(Some("application/sparql-results+json;q=0.5, text/csv")),
            Some(QueryResultsFormat::Csv)
        );
        assert_eq!(solutions(None), Some(QueryResultsFormat::Json));
        assert_eq!(solutions(Some("text/*")), Some(QueryResultsFormat::Csv));
        assert_eq!(solutions(Some("image/png")), None);
        assert_eq!(solutions(Some("text/csv;q=0")), None);
    }
}
