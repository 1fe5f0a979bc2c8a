# The second copy of probe.s's COMDAT group `dup_sig`: the linker keeps one, so `dup_fn` is not a duplicate.
        .section .text.g1c_probe2,"ax",@progbits
        .globl g1c_probe2
g1c_probe2:
        ret

        .section .text.dup,"axG",@progbits,dup_sig,comdat
        .globl dup_fn
dup_fn: ret
