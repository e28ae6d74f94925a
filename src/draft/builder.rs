//! What a draft collects as it goes: the proposed entities, each name once with an id unique
//! in the graph, and the sentences with their mentions and the things they name in place.

use std::collections::{HashMap, HashSet};

use super::agencies::{self, AgencyLine, Body};
use super::known::Known;
use super::relations::Placed;
use super::text::Folded;
use super::{EntityDraft, MentionDraft, candidates};
use crate::model::Model;
use crate::vocabulary::ids;

/// A sentence as it is drafted: its mentions, and the things it names with their places,
/// which the relation patterns read.
pub(crate) struct FoundSentence {
    pub range: std::ops::Range<usize>,
    pub mentions: Vec<MentionDraft>,
    pub placed: Vec<Placed>,
}

impl FoundSentence {
    pub fn new(range: std::ops::Range<usize>) -> Self {
        Self {
            range,
            mentions: Vec::new(),
            placed: Vec::new(),
        }
    }

    /// Adds a mention, unless the sentence names the entity already.
    pub fn add(&mut self, mention: MentionDraft, placed: Placed) {
        if self.mentions.iter().any(|m| m.entity == mention.entity) {
            return;
        }
        self.mentions.push(mention);
        self.placed.push(placed);
    }
}

/// Collects proposed entities, each name once, with ids unique in the graph.
pub(crate) struct Builder<'a, 'm> {
    model: &'m Model,
    /// The gazetteer the draft reads with.
    pub known: &'a Known<'m>,
    /// The proposed entities, in the order proposed.
    pub proposals: Vec<EntityDraft>,
    proposed_by_name: HashMap<String, String>,
    taken: HashSet<String>,
}

impl<'a, 'm> Builder<'a, 'm> {
    /// A builder that proposes nothing yet.
    pub fn new(model: &'m Model, known: &'a Known<'m>) -> Self {
        Self {
            model,
            known,
            proposals: Vec::new(),
            proposed_by_name: HashMap::new(),
            taken: HashSet::new(),
        }
    }

    /// The ids of the bodies of an agency line, each once, proposing those the graph does not
    /// know; and the line as a sentence that mentions the proposed ones.
    pub fn responsible_bodies(
        &mut self,
        folded: &Folded<'_>,
        line: &AgencyLine,
    ) -> (Vec<String>, FoundSentence) {
        let mut ids = Vec::new();
        let mut sentence = FoundSentence::new(line.range.clone());
        for body in &line.bodies {
            let id = match body {
                Body::Known(entity) => self.model.entities[*entity].id.clone(),
                Body::Proposed { name, written } => {
                    let kind = ids::GOVERNMENT_BODY;
                    let id = self.propose(name, kind, agencies::rules::WITH_PROPOSALS);
                    let printed = folded.quote(written.clone());
                    let mention = MentionDraft {
                        entity: id.clone(),
                        written_as: (printed != name).then(|| printed.to_owned()),
                        alias: false,
                        role: None,
                        rule: agencies::rules::WITH_PROPOSALS.to_owned(),
                    };
                    let placed = Placed {
                        id: id.clone(),
                        entity: None,
                        kind: kind.to_owned(),
                        name: name.clone(),
                        range: written.clone(),
                    };
                    sentence.add(mention, placed);
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        (ids, sentence)
    }

    /// The id of the proposed entity named `name`, proposing it if it is new.
    pub fn propose(&mut self, name: &str, kind: &str, rule: &str) -> String {
        if let Some((entity, _)) = self.known.resolve(name) {
            return self.model.entities[entity].id.clone();
        }
        if let Some(id) = self.proposed_by_name.get(name) {
            return id.clone();
        }
        let model = self.model;
        let taken = &self.taken;
        let id = candidates::proposed_id(name, self.known, &|id| {
            model.index_of(id).is_some() || taken.contains(id)
        });
        self.taken.insert(id.clone());
        self.proposed_by_name.insert(name.to_owned(), id.clone());
        self.proposals.push(EntityDraft {
            id: id.clone(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            pinyin: crate::names::pinyin(name),
            rule: rule.to_owned(),
        });
        id
    }
}
