//! ir tests (see test/golden/ir/).
