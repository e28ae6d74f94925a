// The graph-data folder is embedded into the binary; rebuild when any of it changes.
fn main() {
    println!("cargo:rerun-if-changed=graph-data");
}
