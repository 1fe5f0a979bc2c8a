//! g1c: a Go compiler written in Rust. See ARCHITECTURE.md for the codemap.

mod cli;
mod codegen;
mod driver;
mod dump;
mod ir;
mod link;
mod rtbuild;
mod syntax;
mod types;

fn main() {
    std::process::exit(cli::main());
}
