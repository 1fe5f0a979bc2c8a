//! The `g1c` executable: see `cli`.

fn main() {
    std::process::exit(g1c::cli::main());
}
