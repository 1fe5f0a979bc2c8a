//! The scanner: source bytes → tokens, with automatic semicolon insertion (Go spec "Semicolons").
