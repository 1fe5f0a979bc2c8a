//! codegen tests (see test/golden/codegen/).
