//! Token kinds (Go spec "Tokens"): owned by the syntax work.
