//! The document's metadata where the text prints it: title, issuer, dates and the region it
//! names most.

use super::builder::Builder;
use super::text::Folded;
use crate::model::{Details, EntityIndex, Model};
use crate::names::ScriptConverter;
use crate::vocabulary::ids;

/// Endings of a document's title (folded).
const TITLE_ENDINGS: [&str; 8] = [
    "要点", "计划", "方案", "意见", "规划", "办法", "细则", "通知",
];

/// The rule id of the document's metadata.
pub(super) const METADATA_RULE: &str = "metadata:printed";

/// The title: what 「关于印发…的通知」 announces, or else the first short line ending as titles
/// end; with the quote where it is printed.
pub(super) fn document_title(text: &Folded<'_>) -> Option<(String, String)> {
    for line in text.lines() {
        let folded = text.folded(line.clone());
        let trimmed = folded.trim();
        if let Some(rest) = trimmed.strip_prefix("关于印发")
            && let Some(inner) = rest.strip_suffix("的通知")
        {
            let offset = line.start
                + folded
                    .find("关于印发")
                    .map_or(0, |b| folded[..b].chars().count())
                + 4;
            let range = offset..offset + inner.chars().count();
            let printed = text.quote(range).to_owned();
            return Some((printed.clone(), printed));
        }
    }
    for line in text.lines() {
        let folded = text.folded(line.clone());
        let trimmed = folded.trim();
        if trimmed.chars().count() <= 60 && TITLE_ENDINGS.iter().any(|e| trimmed.ends_with(e)) {
            let printed = text.quote(line).to_owned();
            return Some((printed.clone(), printed));
        }
    }
    None
}

/// The first year (20xx) written in a text.
pub(super) fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let number: String = w.iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        (before_ok && after_ok && number.starts_with("20"))
            .then(|| number.parse().ok())
            .flatten()
    })
}

/// The issuer: the line printed just before the first date of issue, if the graph knows it
/// or it reads as a body's name.
pub(super) fn issuer(text: &Folded<'_>, builder: &mut Builder<'_, '_>) -> Option<(String, String)> {
    let lines = text.lines();
    let date_line = lines
        .iter()
        .position(|l| date_in(&text.folded(l.clone())).is_some())?;
    let line = lines[..date_line]
        .iter()
        .rev()
        .find(|l| !text.folded((*l).clone()).trim().is_empty())?;
    let printed = text.quote(line.clone()).to_owned();
    if printed.chars().count() > 40 {
        return None;
    }
    let folded = builder.known.fold(&printed);
    let id = builder.propose(&folded, ids::GOVERNMENT_BODY, METADATA_RULE);
    Some((id, printed))
}

/// The date of issue (the first 「2018年5月29日」) and of publication (「发布时间:2018-06-12」).
pub(super) fn dates(text: &Folded<'_>) -> (Option<String>, Option<String>) {
    let mut issued = None;
    let mut published = None;
    for line in text.lines() {
        let folded = text.folded(line);
        if published.is_none()
            && let Some(at) = folded.find("发布时间")
        {
            let digits: String = folded[at..]
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            if digits.len() == 10 {
                published = Some(digits);
            }
        }
        if issued.is_none() {
            issued = date_in(&folded);
        }
    }
    (issued, published)
}

/// A date written 「2018年5月29日」 alone on its line, as ISO 8601.
fn date_in(line: &str) -> Option<String> {
    let line = line.trim();
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((2000..2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The region the text names most often.
pub(super) fn most_named_region(
    model: &Model,
    text: &Folded<'_>,
    converter: &ScriptConverter,
) -> Option<EntityIndex> {
    let folded: String = text.chars.iter().collect();
    (0..model.entities.len())
        .filter(|&e| {
            model.entities[e].kind == ids::REGION
                && matches!(model.entities[e].details, Details::None)
        })
        .map(|e| {
            (
                e,
                folded
                    .matches(&converter.simplified(&model.entities[e].name))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(e, _)| e)
}
