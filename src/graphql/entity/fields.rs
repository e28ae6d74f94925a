//! `entity_type!`, which declares the object type of one kind: the fields of the `Entity`
//! interface, resolved by [`EntityRef`](super::EntityRef), and the fields of the kind.
//!
//! The doc comments here are the schema's descriptions of the shared fields; they repeat the
//! `desc` of the interface's fields word for word, so that both read the same in the schema.
//! The shared fields are `pub(super)` because the interface (in `entity`) resolves them
//! through the object types. The macro names every type by its full path, so a family's file imports only what its
//! own fields use.

/// Declares an object type for one kind: the interface's fields plus `$extra`.
macro_rules! entity_type {
    ($(#[$meta:meta])* $name:ident { $($extra:tt)* }) => {
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $name(pub(crate) $crate::graphql::entity::EntityRef);

        $(#[$meta])*
        #[async_graphql::Object]
        impl $name {
            /// Stable id; also the last segment of the entity's IRI.
            pub(super) async fn id(&self) -> async_graphql::ID {
                self.0.id()
            }

            /// Kind of entity.
            pub(super) async fn kind(&self) -> $crate::graphql::enums::EntityKind {
                self.0.kind()
            }

            /// Name in the language asked for, falling back to simplified Chinese.
            pub(super) async fn name(
                &self,
                #[graphql(default_with = "crate::graphql::enums::Lang::ZhHans")]
                lang: $crate::graphql::enums::Lang,
            ) -> String {
                self.0.name(lang).text
            }

            /// Name in the language asked for, saying which language came back.
            pub(super) async fn label(
                &self,
                #[graphql(default_with = "crate::graphql::enums::Lang::ZhHans")]
                lang: $crate::graphql::enums::Lang,
            ) -> $crate::graphql::entity::Label {
                self.0.name(lang)
            }

            /// Every name: both scripts, pinyin, English, aliases.
            pub(super) async fn names(&self) -> $crate::graphql::entity::Names {
                self.0.names()
            }

            /// Other names as written in the documents.
            pub(super) async fn aliases(&self) -> Vec<String> {
                self.0.aliases()
            }

            /// IRI in the RDF graph (usable in SPARQL).
            pub(super) async fn iri(&self) -> String {
                self.0.iri()
            }

            /// Where the documents name this entity.
            pub(super) async fn evidence(&self) -> Vec<$crate::graphql::relation::Evidence> {
                self.0.evidence()
            }

            /// Relations of this entity, each with the entity at the other end and its evidence.
            #[expect(
                clippy::too_many_arguments,
                reason = "each argument is a GraphQL argument of the field"
            )]
            pub(super) async fn relations(
                &self,
                #[graphql(desc = "Only these kinds and their sub-properties (MENTIONS includes the action roles).")]
                kinds: Option<Vec<$crate::graphql::enums::RelationKind>>,
                #[graphql(
                    default_with = "crate::graphql::enums::Direction::Both",
                    desc = "Outgoing, incoming or both."
                )]
                direction: $crate::graphql::enums::Direction,
                #[graphql(desc = "Only relations whose other end is of these kinds.")]
                other_kinds: Option<Vec<$crate::graphql::enums::EntityKind>>,
                #[graphql(desc = "Only relations whose strongest basis is one of these (STATED, INFERRED, DERIVED, CURATED).")]
                basis: Option<Vec<$crate::graphql::enums::Basis>>,
                #[graphql(desc = "Page size (default 50, at most 100).")] first: Option<i32>,
                #[graphql(desc = "Cursor after which to start.")] after: Option<String>,
            ) -> async_graphql::Result<
                $crate::graphql::page::Page<$crate::graphql::relation::Relation>,
            > {
                let filter = $crate::graphql::entity::RelationFilter {
                    kinds,
                    direction,
                    other_kinds,
                    basis,
                };
                self.0.relations(filter, first, after)
            }

            /// Number of relations, leaving out mentions and document structure.
            pub(super) async fn degree(&self) -> i32 {
                self.0.degree()
            }

            /// PageRank over the same relations.
            pub(super) async fn page_rank(&self) -> f64 {
                self.0.page_rank()
            }

            /// The industries this entity supports or focuses on, with evidence.
            pub(super) async fn supported_industries(&self) -> Vec<$crate::graphql::relation::Relation> {
                self.0.supported_industries()
            }

            /// Regions it lies in, nearest first (following locatedIn and partOf).
            pub(super) async fn regions(&self) -> Vec<$crate::graphql::entity::Entity> {
                self.0.containers()
            }

            $($extra)*
        }
    };
}

pub(super) use entity_type;
