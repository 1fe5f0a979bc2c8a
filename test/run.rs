//! run tests (see test/golden/run/).
