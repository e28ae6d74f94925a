//! The checked-in schema.graphql is the schema the code serves.

#[test]
fn schema_graphql_is_up_to_date() {
    let generated = sunan_kg::graphql::sdl();
    // On a difference this prints a diff; `UPDATE_EXPECT=1 cargo test` rewrites the file.
    expect_test::expect_file!["../../schema.graphql"].assert_eq(&generated);
}
