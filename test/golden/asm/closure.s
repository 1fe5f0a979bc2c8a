TEXT main.main (./test.go:1)  size=123 frame=48 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 c8                 lea rax, [rsp - 56]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 51 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 30                    sub rsp, 48
.L0:
    ; ./test.go:8
    001a  48 8d 05 00 00 00 00           lea rax, [rip + main.main.func1·f]
    0021  48 89 45 f8                    mov qword ptr [rbp - 8], rax
    0025  48 8d 04 24                    lea rax, [rsp]
    0029  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    002d  48 c7 c0 05 00 00 00           mov rax, 5
    0034  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0038  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    003c  48 8b 45 e8                    mov rax, qword ptr [rbp - 24]
    0040  48 89 01                       mov qword ptr [rcx], rax
    0043  48 8b 55 f8                    mov rdx, qword ptr [rbp - 8]
    0047  ff 12                          call qword ptr [rdx]
    0049  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    004d  48 8b 41 08                    mov rax, qword ptr [rcx + 8]
    0051  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    0055  48 8b 7d e0                    mov rdi, qword ptr [rbp - 32]
    0059  e8 00 00 00 00                 call test_record
    005e  48 89 ec                       mov rsp, rbp
    0061  5d                             pop rbp
    0062  c3                             ret
.L2:
    ; ./test.go:1
    0063  49 c7 c2 38 00 00 00           mov r10, 56
    006a  49 c7 c3 00 00 00 00           mov r11, 0
    0071  e8 00 00 00 00                 call g1c_morestack
    0076  e9 85 ff ff ff                 jmp .L1

TEXT main.main.func1 (./test.go:1)  size=125 frame=48 args=16
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 c8                 lea rax, [rsp - 56]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 53 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 30                    sub rsp, 48
    001a  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    001e  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0022  48 89 45 f0                    mov qword ptr [rbp - 16], rax
    0026  48 8b 4d f0                    mov rcx, qword ptr [rbp - 16]
    002a  48 8b 41 08                    mov rax, qword ptr [rcx + 8]
    002e  48 89 45 e8                    mov qword ptr [rbp - 24], rax
    0032  48 8d 45 10                    lea rax, [rbp + 16]
    0036  48 89 45 e0                    mov qword ptr [rbp - 32], rax
    003a  48 8b 4d e0                    mov rcx, qword ptr [rbp - 32]
    003e  48 8b 01                       mov rax, qword ptr [rcx]
    0041  48 89 45 d8                    mov qword ptr [rbp - 40], rax
    0045  48 8b 45 d8                    mov rax, qword ptr [rbp - 40]
    0049  48 8b 4d e8                    mov rcx, qword ptr [rbp - 24]
    004d  48 01 c8                       add rax, rcx
    0050  48 89 45 d0                    mov qword ptr [rbp - 48], rax
    0054  48 8b 4d e0                    mov rcx, qword ptr [rbp - 32]
    0058  48 8b 45 d0                    mov rax, qword ptr [rbp - 48]
    005c  48 89 41 08                    mov qword ptr [rcx + 8], rax
    0060  48 89 ec                       mov rsp, rbp
    0063  5d                             pop rbp
    0064  c3                             ret
.L2:
    ; ./test.go:1
    0065  49 c7 c2 38 00 00 00           mov r10, 56
    006c  49 c7 c3 10 00 00 00           mov r11, 16
    0073  e8 00 00 00 00                 call g1c_morestack
    0078  e9 83 ff ff ff                 jmp .L1

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
