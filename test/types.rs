//! Type checker tests: for every program in test/data/types, `g1c dump types` (or the sorted error list when
//! the program has errors) is compared with test/golden/types/<name>.txt (update with
//! `UPDATE_GOLDENFILES=1`).

use std::io::Write;
use std::path::PathBuf;

use g1c::dump;
use g1c::syntax::ast::Ast;
use g1c::syntax::parser::parse_file;
use g1c::syntax::pos::FileSet;
use g1c::types::check::check_package;

fn data_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("test/data/types")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    v.sort();
    v
}

/// Parses and checks one file; returns the dump or the errors, as text.
fn check_file(name: String, src: String) -> String {
    let mut fset = FileSet::new();
    let id = fset.add(name, src);
    let mut ast = Ast::default();
    let errs = parse_file(&fset, id, &mut ast);
    if !errs.is_empty() {
        return errs.iter().map(|e| e.render(&fset) + "\n").collect();
    }
    match check_package(&fset, &ast, "main") {
        Ok(prog) => dump::types::dump_types(&fset, &ast, &prog),
        Err(mut errs) => {
            errs.sort_by_key(|e| e.pos);
            errs.iter().map(|e| e.render(&fset) + "\n").collect()
        }
    }
}

#[test]
fn golden_types() {
    let mut mint = goldenfile::Mint::new("test/golden/types");
    for path in data_files() {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let name = format!("test/data/types/{stem}.go");
        let src = std::fs::read_to_string(&path).unwrap();
        let out = std::thread::Builder::new().stack_size(256 << 20).spawn(move || check_file(name, src)).unwrap().join().unwrap();
        let mut f = mint.new_goldenfile(format!("{stem}.txt")).unwrap();
        f.write_all(out.as_bytes()).unwrap();
    }
}
