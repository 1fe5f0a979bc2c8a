//! x86 encoder (Intel SDM Vol. 2): serves 386 and amd64.
