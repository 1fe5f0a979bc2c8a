//! types tests (see test/golden/types/).
