//! The checked-in schema.graphql is the schema the code serves.

#[test]
fn schema_graphql_is_up_to_date() {
    let generated = sunan_kg::graphql::sdl();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).expect("write schema.graphql");
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema.graphql differs from the schema in the code; run `UPDATE_SCHEMA=1 cargo test schema` and review the diff"
    );
}
