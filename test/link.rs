//! link tests (see test/golden/link/).
