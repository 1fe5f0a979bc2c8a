//! syntax tests (see test/golden/syntax/).
