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

/// Every media range of an `Accept` header with its q-value, in the order written.
fn weighted_ranges(accept: &str) -> Vec<(f32, String)> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((q, media))
        })
        .collect()
}

/// The media ranges of an `Accept` header, best first (by q-value, then by order). Ranges with
/// `q=0` are dropped, since they mean "not acceptable".
pub fn media_ranges(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(f32, usize, String)> = weighted_ranges(accept)
        .into_iter()
        .enumerate()
        .filter(|(_, (q, _))| *q > 0.0)
        .map(|(position, (q, media))| (q, position, media))
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().map(|(_, _, media)| media).collect()
}

/// Whether a range matches a media type (parameters such as `charset` aside): exactly, as
/// `type/*`, or as `*/*`.
fn range_matches(range: &str, media_type: &str) -> bool {
    let media_type = media_type.split(';').next().unwrap_or_default().trim();
    range == "*/*"
        || range == media_type
        || range
            .strip_suffix("/*")
            .is_some_and(|prefix| media_type.starts_with(&format!("{prefix}/")))
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
    // A type the client refuses (`q=0`) is never chosen for a wildcard it accepts.
    let refused: Vec<String> = weighted_ranges(accept)
        .into_iter()
        .filter(|(q, _)| *q <= 0.0)
        .map(|(_, media)| media)
        .collect();
    let allowed = |f: F| !refused.iter().any(|r| range_matches(r, media_type(f)));
    for range in media_ranges(accept) {
        if range.ends_with("/*") {
            if let Some(&format) = offered
                .iter()
                .find(|&&f| range_matches(&range, media_type(f)) && allowed(f))
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

    #[test]
    fn a_refused_type_is_not_chosen_for_a_wildcard() {
        assert_eq!(
            solutions(Some("application/sparql-results+json;q=0, */*")),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(
            solutions(Some("text/csv;q=0, text/*")),
            Some(QueryResultsFormat::Tsv)
        );
        // A more specific range overrides the refused wildcard.
        assert_eq!(
            solutions(Some("text/*;q=0, text/tsv")),
            Some(QueryResultsFormat::Tsv)
        );
    }
}
