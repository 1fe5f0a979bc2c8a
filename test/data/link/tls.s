# A thread-local variable: the linker must refuse it with a clear message.
        .section .text.g1c_probe,"ax",@progbits
        .globl g1c_probe
g1c_probe:
        movq %fs:tls_var@TPOFF, %rax
        ret
