# A relocation type the linker does not implement (R_X86_64_GOTOFF64): the error must name it.
        .section .text.g1c_probe,"ax",@progbits
        .globl g1c_probe
g1c_probe:
        movabsq $g1c_probe@GOTOFF, %rax
        ret
