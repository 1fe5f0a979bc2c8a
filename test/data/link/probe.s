# Hand-written assembly that exercises what rustc's objects rarely contain: GOTPCRELX relaxation (and a GOT
# call kept through the GOT), R_X86_64_32/32S/PC64, a COMDAT group also present in probe2.s, a weak
# definition that a global one (minirt's g1c_report) must replace, an undefined weak symbol (address 0) and a
# common symbol. Assembled by test/link.rs with llvm-mc (the test skips without it).
        .section .text.g1c_probe,"ax",@progbits
        .globl g1c_probe
        .type g1c_probe,@function
g1c_probe:
        pushq %rbp
        movq %rsp, %rbp
        movq probe_msg@GOTPCREL(%rip), %rdi
        movl $6, %esi
        call *g1c_write@GOTPCREL(%rip)
        movl $probe_msg, %edi
        movq $6, %rsi
        call g1c_write@PLT
        leaq probe_pc64(%rip), %rax
        addq (%rax), %rax
        movq $probe_msg, %rdi
        movq $6, %rsi
        call *%rax
        movq g1c_weakundef@GOTPCREL(%rip), %rax
        testq %rax, %rax
        jnz 1f
        incq probe_common(%rip)
        movq probe_common(%rip), %rdi
        call g1c_printint
        call dup_fn
        call g1c_probe2
        popq %rbp
        ret
1:      ud2
        .size g1c_probe, .-g1c_probe

        .section .text.dup,"axG",@progbits,dup_sig,comdat
        .globl dup_fn
dup_fn: ret

        .section .text.g1c_report,"ax",@progbits
        .weak g1c_report
g1c_report:
        ud2

        .section .rodata.probe,"a",@progbits
probe_msg:
        .ascii "probe\n"
        .section .data.rel.ro.probe,"aw",@progbits
        .p2align 3
probe_pc64:
        .quad g1c_write - probe_pc64
        .weak g1c_weakundef
        .comm probe_common, 8, 8
