// The graph-data and assets folders are embedded into the binary; rebuild when any of it changes.
fn main() {
    println!("cargo:rerun-if-changed=graph-data");
    println!("cargo:rerun-if-changed=assets");
}
