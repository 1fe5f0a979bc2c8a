//! Interned names: identifiers and literal texts stored once per program.
//!
//! In: the text of an identifier (or a basic literal) as the scanner saw it. Out: a [`Name`], a `Copy` handle
//! that dereferences to that text. Why: all of std has about a million identifier occurrences but only ~10⁵
//! distinct spellings; an owned `String` per occurrence cost a heap block each (≈ 20 MB for `g1c check std`),
//! and the checker compares names all the time. Like gc's `types.Sym`, one spelling is one name.
//!
//! Invariants: every `Name` comes from [`Name::new`], so two names are equal exactly when their texts are equal,
//! and equality is a pointer comparison. Hashing and ordering use the text (never the address), so maps keyed by
//! names iterate and sort the same in every run, whatever the allocator does. Interned texts live until the
//! process ends (a compiler run is one process; tests that compile many programs share the table).

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Mutex;

/// An interned string. 16 bytes, `Copy`; derefs to `&str`.
#[derive(Clone, Copy)]
pub struct Name(&'static str);

/// The program-wide table of spellings. A `Mutex` because tests compile on several threads; the compiler
/// itself interns from one thread, where an uncontended lock costs a few nanoseconds per identifier.
static TABLE: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);

impl Name {
    /// The unique name spelled `text`.
    pub fn new(text: &str) -> Name {
        let mut table = TABLE.lock().unwrap_or_else(|e| e.into_inner());
        let set = table.get_or_insert_with(HashSet::new);
        if let Some(&s) = set.get(text) {
            return Name(s);
        }
        let s: &'static str = Box::leak(text.to_owned().into_boxed_str());
        set.insert(s);
        Name(s)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Default for Name {
    fn default() -> Name {
        Name::new("")
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        // Interned: same text ⇔ same storage.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.0
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self.as_str() == other.0
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // As `str` hashes, so that `Borrow<str>` lookups agree.
        self.0.hash(h)
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::new(s)
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::Name;

    #[test]
    fn same_text_same_name() {
        let a = Name::new("fmt");
        let b = Name::new(&String::from("fmt"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_ne!(a, Name::new("fmt2"));
        assert!(a == "fmt");
        assert!(Name::new("a") < Name::new("b"));
    }
}
