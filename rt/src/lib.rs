//! The g1c runtime.
#![no_std]
